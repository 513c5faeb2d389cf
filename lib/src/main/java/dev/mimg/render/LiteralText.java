package dev.mimg.render;

/** Template text outside actions, copied to the output unchanged. */
record LiteralText(String text) implements TemplateNode {

  @Override
  public void renderTo(StringBuilder out, ValueResolver resolver) {
    out.append(text);
  }
}
