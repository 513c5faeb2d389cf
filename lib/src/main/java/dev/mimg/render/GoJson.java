package dev.mimg.render;

import dev.mimg.model.Json;
import dev.mimg.model.JsonArray;
import dev.mimg.model.JsonException;
import dev.mimg.model.JsonObject;
import dev.mimg.model.JsonText;
import java.util.Map;

/** Compact JSON as Go's encoding/json writes it (keys in map order here; Go sorts map keys). */
final class GoJson {

  private static final GoJsonEscapes ESCAPES = new GoJsonEscapes();

  private GoJson() {
  }

  /** Serializes a template value (string, number, boolean, map, list or null); {@code null} becomes {@code null}. */
  static String write(Object value) {
    try {
      return JsonText.compact(json(value), ESCAPES);
    } catch (JsonException e) {
      throw new TemplateException("json: " + e.reason());
    }
  }

  private static Json json(Object value) {
    if (value == null) {
      return Json.nullValue();
    }
    if (value instanceof CharSequence) {
      return Json.of(value.toString());
    }
    if (value instanceof Boolean bool) {
      return Json.of(bool);
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return Json.of(((Number) value).longValue());
    }
    if (value instanceof Number) {
      return number(value.toString());
    }
    if (value instanceof Map<?, ?> map) {
      JsonObject object = Json.object();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (entry.getKey() == null) {
          throw new TemplateException("json: a map key is null");
        }
        object.set(entry.getKey().toString(), json(entry.getValue()));
      }
      return object;
    }
    if (value instanceof Iterable<?> items) {
      JsonArray array = Json.array();
      items.forEach(item -> array.add(json(item)));
      return array;
    }
    throw new TemplateException("json: unsupported type " + GoValueFormatter.typeName(value));
  }

  /** A double's or decimal's text as the number Jackson wrote; NaN and the infinities quoted, as Jackson did. */
  private static Json number(String text) {
    try {
      Json parsed = Json.parse(text);
      if (parsed.isNumber()) {
        return parsed;
      }
    } catch (JsonException notANumber) {
      // NaN, Infinity
    }
    return Json.of(text);
  }
}
