package dev.mimg.model;

import java.util.List;
import java.util.Map;

/**
 * An OCI image manifest (or Docker schema 2 manifest): one platform's config and layers.
 *
 * <pre>{@code
 * {
 *   "schemaVersion": 2,
 *   "mediaType": "application/vnd.oci.image.manifest.v1+json",
 *   "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": "sha256:<64 hex>", "size": 7023},
 *   "layers": [
 *     {"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": "sha256:<64 hex>", "size": 32654}
 *   ],
 *   "subject": {"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": "sha256:<64 hex>", "size": 7682}
 * }
 * }</pre>
 *
 * <p>Read and written by {@link OciDocuments}.
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/manifest.md">OCI image-spec: image manifest</a>
 */
public record ImageManifest(
    int schemaVersion,
    String mediaType,
    Descriptor config,
    List<Descriptor> layers,
    Map<String, String> annotations,
    Descriptor subject) {

  /** Makes layers and annotations immutable (empty when absent). */
  public ImageManifest {
    layers = Immutables.copyOf(layers);
    annotations = Immutables.copyOf(annotations);
  }

  /**
   * The content a store holds for this manifest when it is present, as the Docker engine counts it: the
   * manifest's own {@code manifestBytes}, its config and its layers.
   */
  public long contentSize(long manifestBytes) {
    return manifestBytes + (config == null ? 0 : config.size()) + totalLayerSize();
  }

  /** The sum of the layer sizes (the compressed size of the image's filesystem). */
  public long totalLayerSize() {
    return layers.stream().mapToLong(Descriptor::size).sum();
  }
}
