package dev.mimg.model;

import java.util.List;
import java.util.Map;

/**
 * An OCI image index (or Docker manifest list): one manifest descriptor per platform, plus attestations.
 *
 * <pre>{@code
 * {
 *   "schemaVersion": 2,
 *   "mediaType": "application/vnd.oci.image.index.v1+json",
 *   "manifests": [
 *     {"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": "sha256:<64 hex>", "size": 7143,
 *      "platform": {"architecture": "amd64", "os": "linux"}}
 *   ],
 *   "annotations": {"org.opencontainers.image.created": "2024-01-01T00:00:00Z"}
 * }
 * }</pre>
 *
 * <p>Read and written by {@link OciDocuments}.
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/image-index.md">OCI image-spec: image index</a>
 */
public record ImageIndex(
    int schemaVersion,
    String mediaType,
    List<Descriptor> manifests,
    Map<String, String> annotations) {

  /** Makes manifests and annotations immutable (empty when absent). */
  public ImageIndex {
    manifests = Immutables.copyOf(manifests);
    annotations = Immutables.copyOf(annotations);
  }
}
