package dev.mimg.model;

/**
 * Media types of image indexes, manifests and configs.
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/media-types.md">OCI image-spec media types</a>
 */
public final class MediaTypes {

  /** OCI image index (a multi-platform list of manifests). */
  public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
  /** OCI image manifest. */
  public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  /** OCI image config. */
  public static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
  /** Docker manifest list (schema 2), the Docker predecessor of the OCI index. */
  public static final String DOCKER_MANIFEST_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
  /** Docker image manifest (schema 2). */
  public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
  /** Docker image config. */
  public static final String DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";

  private MediaTypes() {
  }

  /** True for an OCI index or a Docker manifest list. */
  public static boolean isIndex(String mediaType) {
    return OCI_INDEX.equals(mediaType) || DOCKER_MANIFEST_LIST.equals(mediaType);
  }

  /** True for an OCI image manifest or a Docker schema 2 manifest. */
  public static boolean isManifest(String mediaType) {
    return OCI_MANIFEST.equals(mediaType) || DOCKER_MANIFEST.equals(mediaType);
  }
}
