package dev.mimg.render;

import java.util.Collections;
import java.util.List;

/** A {@code {{...}}} action: a pipeline of commands whose final value is printed. */
record Action(List<Command> pipeline) implements TemplateNode {

  Action {
    pipeline = List.copyOf(pipeline);
  }

  @Override
  public void renderTo(StringBuilder out, ValueResolver resolver) {
    Object value = pipeline.get(0).execute(resolver, List.of());
    for (Command command : pipeline.subList(1, pipeline.size())) {
      value = command.execute(resolver, Collections.singletonList(value));
    }
    out.append(GoValueFormatter.display(value));
  }
}
