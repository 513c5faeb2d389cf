package dev.mimg.store.oci;

import dev.mimg.model.Json;
import dev.mimg.model.JsonException;
import dev.mimg.model.JsonObject;

/** The JSON of a layout that is no OCI index or manifest (oci-layout, configs), read as trees. */
final class LayoutJson {

  private LayoutJson() {
  }

  /** Parses a JSON document that must be an object; {@code what} names it in the one-line error. */
  static JsonObject tree(byte[] bytes, String what) {
    Json json;
    try {
      json = Json.parse(bytes);
    } catch (JsonException e) {
      throw new IllegalArgumentException(what + " is not valid JSON: " + e.reason(), e);
    }
    if (!(json instanceof JsonObject object)) {
      throw new IllegalArgumentException(what + " is not a JSON object");
    }
    return object;
  }
}
