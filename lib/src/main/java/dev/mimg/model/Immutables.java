package dev.mimg.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Null-tolerant immutable copies for record components that come from JSON. */
final class Immutables {

  private Immutables() {
  }

  /** An unmodifiable copy keeping insertion order, or an empty map for null. */
  static <K, V> Map<K, V> copyOf(Map<K, V> map) {
    return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** An unmodifiable copy, or an empty list for null. */
  static <T> List<T> copyOf(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}
