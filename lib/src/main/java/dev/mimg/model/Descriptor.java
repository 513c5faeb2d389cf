package dev.mimg.model;

import java.util.Map;
import java.util.Optional;

/**
 * An OCI content descriptor: what a manifest, config or layer is, and where to find it.
 *
 * <pre>{@code
 * {
 *   "mediaType": "application/vnd.oci.image.manifest.v1+json",
 *   "digest": "sha256:<64 hex>",
 *   "size": 1234,
 *   "platform": {"architecture": "arm64", "os": "linux", "variant": "v8"},
 *   "annotations": {"org.opencontainers.image.ref.name": "1.0"}
 * }
 * }</pre>
 *
 * <p>Read and written by {@link OciDocuments}. Unknown fields are ignored, so writing one again is not byte-identical:
 * compute digests over the original bytes.
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/descriptor.md">OCI image-spec: descriptor</a>
 */
public record Descriptor(
    String mediaType,
    Digest digest,
    long size,
    PlatformJson platform,
    Map<String, String> annotations,
    String artifactType) {

  /** Annotation BuildKit puts on attestation manifests inside an index. */
  public static final String REFERENCE_TYPE_ANNOTATION = "vnd.docker.reference.type";
  /** Annotation naming the image manifest an attestation describes. */
  public static final String REFERENCE_DIGEST_ANNOTATION = "vnd.docker.reference.digest";
  /** Value of {@link #REFERENCE_TYPE_ANNOTATION} on attestation manifests. */
  public static final String ATTESTATION_MANIFEST = "attestation-manifest";

  /** Makes the annotations an immutable map (empty when absent). */
  public Descriptor {
    annotations = Immutables.copyOf(annotations);
  }

  /** A descriptor with only media type, digest and size. */
  public static Descriptor of(String mediaType, Digest digest, long size) {
    return new Descriptor(mediaType, digest, size, null, null, null);
  }

  /** The declared platform, if the descriptor has one. */
  public Optional<Platform> declaredPlatform() {
    return Optional.ofNullable(platform).map(PlatformJson::toPlatform);
  }

  /** True for a BuildKit attestation manifest ({@code vnd.docker.reference.type: attestation-manifest}). */
  public boolean isAttestation() {
    return ATTESTATION_MANIFEST.equals(annotations.get(REFERENCE_TYPE_ANNOTATION));
  }
}
