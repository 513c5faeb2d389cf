package dev.mimg.model;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/** What an image config ({@code application/vnd.oci.image.config.v1+json}) says of its image: created, labels. */
public final class ImageConfigs {

  private ImageConfigs() {
  }

  /** The config's {@code created} time; the epoch when it has none or no readable one (or no config). */
  public static Instant created(Json config) {
    return time(config == null ? null : config.path("created").asText(null));
  }

  /** An RFC 3339 time as images write it; the epoch for null, blank or unreadable text. */
  public static Instant time(String text) {
    if (text == null || text.isBlank()) {
      return Instant.EPOCH;
    }
    try {
      return Rfc3339.parse(text);
    } catch (DateTimeParseException e) {
      return Instant.EPOCH;
    }
  }

  /** The config's {@code config.Labels}, in order; empty when it has none. */
  public static Map<String, String> labels(Json config) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (config != null && config.path("config").path("Labels") instanceof JsonObject object) {
      for (Map.Entry<String, Json> label : object.members().entrySet()) {
        labels.put(label.getKey(), label.getValue().asText());
      }
    }
    return labels;
  }
}
