package dev.mimg.model;


/**
 * One manifest of a reference as the registry holds it: its digest, media type, platform, kind and content size
 * (manifest + config + layers, as mimg's SIZE counts a present variant); {@code attestationFor} is null but for
 * attestations.
 */
public record RemoteVariant(
    Digest digest, String mediaType, Platform platform, Variant.Kind kind, long size, Digest attestationFor) {

  /** True for a platform image (not an attestation). */
  public boolean isImage() {
    return kind == Variant.Kind.IMAGE;
  }
}
