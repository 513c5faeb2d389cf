package dev.mimg.registry;

import dev.mimg.model.Digest;
import dev.mimg.model.ImageIndex;
import dev.mimg.model.ImageManifest;
import dev.mimg.model.OciDocuments;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A manifest or index as the registry sent it: its exact bytes, its media type and the digest of those bytes. */
public record Fetched(byte[] bytes, String mediaType, Digest digest) {

  /** Keeps a private copy of the bytes. */
  public Fetched {
    bytes = bytes.clone();
  }

  /** A copy of the exact bytes (hash these, never a re-serialization). */
  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The bytes as UTF-8 text (manifests are JSON). */
  public String text() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** The bytes read as an image index; a one-line RegistryException when they are none. */
  public ImageIndex index() {
    try {
      return OciDocuments.index(bytes, "index " + digest);
    } catch (IllegalArgumentException e) {
      throw unreadable(e);
    }
  }

  /** The bytes read as a manifest (an image's, or an artifact's); a one-line RegistryException when they are none. */
  public ImageManifest manifest() {
    try {
      return OciDocuments.manifest(bytes, "manifest " + digest);
    } catch (IllegalArgumentException e) {
      throw unreadable(e);
    }
  }

  /** The bytes read as an image manifest (one with a config); a one-line RegistryException when they are none. */
  public ImageManifest imageManifest() {
    ImageManifest manifest = manifest();
    if (manifest.config() == null) {
      throw new RegistryException("the registry sent " + digest + ", which is not an image manifest (" + mediaType
          + ")");
    }
    return manifest;
  }

  /** The content size of the image manifest these bytes are: its own bytes, its config and its layers. */
  public long contentSize() {
    return imageManifest().contentSize(bytes.length);
  }

  private static RegistryException unreadable(IllegalArgumentException e) {
    return new RegistryException("the registry's " + e.getMessage(), e);
  }

  /** The size in bytes. */
  public long size() {
    return bytes.length;
  }

  /** Equal when bytes, media type and digest are equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Fetched other && Arrays.equals(bytes, other.bytes) && mediaType.equals(other.mediaType)
        && digest.equals(other.digest);
  }

  /** Consistent with {@link #equals(Object)}. */
  @Override
  public int hashCode() {
    return 31 * digest.hashCode() + mediaType.hashCode();
  }

  /** Media type, digest and size; not the content. */
  @Override
  public String toString() {
    return "Fetched[" + mediaType + " " + digest + " " + bytes.length + " bytes]";
  }
}
