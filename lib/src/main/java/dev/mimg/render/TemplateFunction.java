package dev.mimg.render;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The functions a template may call; a piped value is passed as the last argument, as in Go. */
enum TemplateFunction {
  JSON("json", 1) {
    @Override
    Object apply(List<Object> arguments) {
      return GoJson.write(arguments.get(0));
    }
  },
  UPPER("upper", 1) {
    @Override
    Object apply(List<Object> arguments) {
      return GoValueFormatter.mapCodePoints(GoValueFormatter.display(arguments.get(0)), Character::toUpperCase);
    }
  },
  LOWER("lower", 1) {
    @Override
    Object apply(List<Object> arguments) {
      return GoValueFormatter.mapCodePoints(GoValueFormatter.display(arguments.get(0)), Character::toLowerCase);
    }
  },
  JOIN("join", 2) {
    @Override
    Object apply(List<Object> arguments) {
      if (!(arguments.get(0) instanceof List<?> items)) {
        throw new TemplateException("join: first argument must be a list, got "
            + GoValueFormatter.typeName(arguments.get(0)));
      }
      if (!(arguments.get(1) instanceof String separator)) {
        throw new TemplateException("join: second argument must be a string, got "
            + GoValueFormatter.typeName(arguments.get(1)));
      }
      return items.stream().map(GoValueFormatter::element).collect(Collectors.joining(separator));
    }
  };

  private final String templateName;
  private final int arity;

  TemplateFunction(String templateName, int arity) {
    this.templateName = templateName;
    this.arity = arity;
  }

  /** Computes the function's result from its fully evaluated arguments. */
  abstract Object apply(List<Object> arguments);

  /** The name used in templates, e.g. {@code join}. */
  String templateName() {
    return templateName;
  }

  /** The number of arguments, counting a piped value. */
  int arity() {
    return arity;
  }

  /** Finds the function called {@code name} in templates. */
  static Optional<TemplateFunction> named(String name) {
    return Arrays.stream(values()).filter(f -> f.templateName.equals(name)).findFirst();
  }

  /** Lists the template names, e.g. {@code "json, upper, lower, join"}. */
  static String templateNames() {
    return Arrays.stream(values()).map(TemplateFunction::templateName).collect(Collectors.joining(", "));
  }
}
