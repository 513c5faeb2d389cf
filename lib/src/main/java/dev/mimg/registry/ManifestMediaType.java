package dev.mimg.registry;

import dev.mimg.model.Json;
import dev.mimg.model.JsonException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.Locale;

/**
 * A fetched manifest's media type: the Content-Type, or the manifest's own {@code mediaType} when that is generic.
 * A Content-Type that contradicts the manifest's own {@code mediaType} is refused: the content would be read as
 * the wrong kind (an index with no children, say).
 */
final class ManifestMediaType {

  private ManifestMediaType() {
  }

  /** The media type of {@code bytes} as {@code response} declares it. */
  static String of(HttpResponse<InputStream> response, byte[] bytes) {
    String contentType = response.headers().firstValue("Content-Type").orElse("");
    int semicolon = contentType.indexOf(';');
    String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    String own;
    try {
      own = Json.parse(bytes).path("mediaType").asText("");
    } catch (JsonException e) {
      own = "";
    }
    boolean generic = type.isEmpty() || type.equals("application/json") || type.equals("text/plain")
        || type.equals("application/octet-stream");
    if (generic) {
      return own.isEmpty() ? type : own;
    }
    if (!own.isEmpty() && !own.equals(type)) {
      throw new RegistryException(response.uri() + ": the registry says the manifest is " + type
          + " but the manifest says it is " + own);
    }
    return type;
  }
}
