package dev.mimg.render;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ordered field values one template execution sees, e.g. {@code Repository -> "alpine"}.
 *
 * <p>Values may be {@link String}, {@link Long}, {@code List<String>}, nested {@link Map}s or {@code null}.
 */
public record Row(Map<String, Object> fields) {

  /** Copies {@code fields} into an unmodifiable map that keeps their order and allows null values. */
  public Row {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** Returns a row without fields. */
  public static Row empty() {
    return new Row(Map.of());
  }

  /** Returns a copy of this row with {@code field} set to {@code value}, appended if new. */
  public Row with(String field, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(fields);
    copy.put(field, value);
    return new Row(copy);
  }
}
