package dev.mimg.render;

import java.util.List;
import java.util.Map;

/** Resolves fields against one row's values and really calls functions. */
final class RowResolver implements ValueResolver {

  private final Map<String, ?> row;

  RowResolver(Map<String, ?> row) {
    this.row = row;
  }

  @Override
  public Object field(FieldPath path) {
    Object value = row;
    for (String name : path.names()) {
      if (value == null) {
        return null;
      }
      if (!(value instanceof Map<?, ?> map)) {
        throw new TemplateException("can't evaluate field " + name + " in type "
            + GoValueFormatter.typeName(value) + " (" + path + ")");
      }
      value = map.get(name);
    }
    return value;
  }

  @Override
  public Object call(TemplateFunction function, List<Object> arguments) {
    return function.apply(arguments);
  }
}
