package dev.mimg.render;

/** A parsed piece of a template: literal text or an action. */
sealed interface TemplateNode permits LiteralText, Action {

  /** Appends this piece's output for the data {@code resolver} exposes. */
  void renderTo(StringBuilder out, ValueResolver resolver);
}
