package dev.mimg.render;

import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import java.util.stream.Collectors;

/**
 * Turns template values into text the way Go's text/template prints them, with one deliberate
 * difference: a list renders as its elements joined by {@code ", "} (Go would print {@code [a b]}).
 */
final class GoValueFormatter {

  /** What Go's text/template prints for a missing or nil value. */
  static final String NO_VALUE = "<no value>";

  private GoValueFormatter() {
  }

  /** Text printed for a value produced by an action; null prints as {@code <no value>}. */
  static String display(Object value) {
    return value == null ? NO_VALUE : element(value);
  }

  /** Text printed for a value nested inside a list or map; null prints as {@code <nil>} like Go's fmt. */
  static String element(Object value) {
    if (value == null) {
      return "<nil>";
    }
    if (value instanceof List<?> list) {
      return list.stream().map(GoValueFormatter::element).collect(Collectors.joining(", "));
    }
    if (value instanceof Map<?, ?> map) {
      return map.entrySet().stream()
          .map(e -> e.getKey() + ":" + element(e.getValue()))
          .collect(Collectors.joining(" ", "map[", "]"));
    }
    return value.toString();
  }

  /** A short type name for error messages, e.g. {@code string} or {@code list}. */
  static String typeName(Object value) {
    if (value == null) {
      return "nil";
    }
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof List<?>) {
      return "list";
    }
    if (value instanceof Map<?, ?>) {
      return "map";
    }
    return value instanceof Number ? "number" : value.getClass().getSimpleName();
  }

  /** Applies a per-code-point case mapping, like Go's strings.ToUpper/ToLower (no "ß" to "SS"). */
  static String mapCodePoints(String text, IntUnaryOperator mapping) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().map(mapping).forEach(out::appendCodePoint);
    return out.toString();
  }
}
