package dev.mimg.model;

import java.util.List;
import java.util.Objects;

/**
 * One manifest of an image: a platform variant, or an attestation attached to one. Sizes are the store's own
 * figures: {@code contentSize} the compressed blobs held (0 when missing), {@code unpackedSize} the unpacked layers.
 */
public record Variant(
    Digest digest,
    Platform platform,
    Kind kind,
    boolean available,
    long contentSize,
    long unpackedSize,
    List<String> containers,
    Digest attestationFor) {

  /** What a manifest in an index is. */
  public enum Kind {
    /** A runnable platform image. */
    IMAGE,
    /** An attestation manifest (SBOM, provenance) for another variant. */
    ATTESTATION,
    /** Anything else the index lists. */
    UNKNOWN
  }

  /** Defensive copy of the container list. */
  public Variant {
    containers = List.copyOf(containers);
  }

  /** True for a platform image (not an attestation). */
  public boolean isImage() {
    return kind == Kind.IMAGE;
  }

  /** True for a platform image whose content is in the store. */
  public boolean isPresent() {
    return available && isImage();
  }

  /** True when a container (running or not) was created from this variant. */
  public boolean inUse() {
    return !containers.isEmpty();
  }

  /** Content plus unpacked size: what the variant costs on disk, as Docker's tree shows it. */
  public long diskUsage() {
    return contentSize + unpackedSize;
  }

  /** The short variant id (12 hex digits of the manifest digest). */
  public String shortId() {
    return digest.shortId();
  }

  /** Equal to a variant with the same components (written out: no record bootstrap at start-up). */
  @Override
  public boolean equals(Object other) {
    return other instanceof Variant that && available == that.available && contentSize == that.contentSize
        && unpackedSize == that.unpackedSize && kind == that.kind && Objects.equals(digest, that.digest)
        && Objects.equals(platform, that.platform) && containers.equals(that.containers)
        && Objects.equals(attestationFor, that.attestationFor);
  }

  /** Consistent with {@link #equals(Object)}. */
  @Override
  public int hashCode() {
    int hash = Objects.hashCode(digest);
    hash = 31 * hash + Objects.hashCode(platform);
    hash = 31 * hash + Objects.hashCode(kind);
    hash = 31 * hash + Boolean.hashCode(available);
    hash = 31 * hash + Long.hashCode(contentSize);
    hash = 31 * hash + Long.hashCode(unpackedSize);
    hash = 31 * hash + containers.hashCode();
    return 31 * hash + Objects.hashCode(attestationFor);
  }
}
