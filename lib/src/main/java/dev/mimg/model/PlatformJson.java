package dev.mimg.model;

import java.util.List;

/**
 * The {@code platform} object of an OCI descriptor; {@link #toPlatform()} gives the domain {@link Platform}.
 *
 * <pre>{@code
 * {"architecture": "amd64", "os": "windows", "os.version": "10.0.17763.1", "os.features": ["win32k"]}
 * }</pre>
 *
 * <p>Read and written by {@link OciDocuments} (empty fields are left out).
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/image-index.md">OCI image-spec: image index, platform</a>
 */
public record PlatformJson(
    String architecture,
    String os,
    String osVersion,
    List<String> osFeatures,
    String variant) {

  /** Converts a domain platform (no os.version or os.features). */
  public static PlatformJson from(Platform platform) {
    return new PlatformJson(platform.architecture(), platform.os(), null, null, platform.variant());
  }

  /**
   * The platform an image config declares ({@code os}, {@code architecture}, {@code variant} at its top level),
   * or {@link Platform#UNKNOWN} when it declares no os or architecture (or there is no config).
   */
  public static Platform ofConfig(Json config) {
    if (config == null || !config.path("os").isTextual() || !config.path("architecture").isTextual()) {
      return Platform.UNKNOWN;
    }
    return Platform.of(config.path("os").asText(), config.path("architecture").asText(),
      config.path("variant").asText(""));
  }

  /** The domain platform as declared (missing os or architecture become ""). */
  public Platform toPlatform() {
    return Platform.of(os == null ? "" : os, architecture == null ? "" : architecture, variant);
  }
}
