package dev.mimg.render;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a table's header line like Docker: a field shows its column header (the top-level
 * field's entry in the header map, else its name upper-cased), the dot shows nothing, and every
 * function returns its first argument unchanged.
 */
final class HeaderResolver implements ValueResolver {

  private final Map<String, String> headers;

  HeaderResolver(Map<String, String> headers) {
    this.headers = headers;
  }

  @Override
  public Object field(FieldPath path) {
    if (path.isDot()) {
      return "";
    }
    String name = path.topLevelName();
    return headers.getOrDefault(name, name.toUpperCase(Locale.ROOT));
  }

  @Override
  public Object call(TemplateFunction function, List<Object> arguments) {
    return arguments.get(0);
  }
}
