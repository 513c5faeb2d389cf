package dev.mimg.registry;

import dev.mimg.model.Digest;
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
