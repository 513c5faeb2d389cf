package dev.mimg.render;

import java.util.ArrayList;
import java.util.List;

/** One pipeline stage: a bare operand ({@code .Tag}) when function is null, else a call ({@code join .List ", "}). */
record Command(TemplateFunction function, List<Argument> arguments) {

  Command {
    arguments = List.copyOf(arguments);
  }

  /** A stage that just yields {@code operand}. */
  static Command operand(Argument operand) {
    return new Command(null, List.of(operand));
  }

  /** Evaluates the stage; {@code piped} holds the previous stage's value, or nothing for the first stage. */
  Object execute(ValueResolver resolver, List<Object> piped) {
    if (function == null) {
      return arguments.get(0).valueIn(resolver);
    }
    List<Object> values = new ArrayList<>();
    arguments.forEach(argument -> values.add(argument.valueIn(resolver)));
    values.addAll(piped);
    return resolver.call(function, values);
  }
}
