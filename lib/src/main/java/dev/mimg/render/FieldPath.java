package dev.mimg.render;

import java.util.List;

/** A field reference such as {@code .Labels.maintainer}; no names means the dot itself ({@code .}). */
record FieldPath(List<String> names) implements Argument {

  FieldPath {
    names = List.copyOf(names);
  }

  /** Parses the template spelling, e.g. {@code "."} or {@code ".Labels.maintainer"}. */
  static FieldPath of(String spelling) {
    return new FieldPath(spelling.equals(".") ? List.of() : List.of(spelling.substring(1).split("\\.")));
  }

  @Override
  public Object valueIn(ValueResolver resolver) {
    return resolver.field(this);
  }

  /** Whether this is the dot itself. */
  boolean isDot() {
    return names.isEmpty();
  }

  /** The first name, e.g. {@code Labels} for {@code .Labels.maintainer}. */
  String topLevelName() {
    return names.get(0);
  }

  @Override
  public String toString() {
    return isDot() ? "." : "." + String.join(".", names);
  }
}
