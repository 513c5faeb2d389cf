package dev.mimg.render;

/** An operand in a template action: a field reference or a string literal. */
sealed interface Argument permits FieldPath, StringLiteral {

  /** Evaluates the operand against the data a resolver exposes. */
  Object valueIn(ValueResolver resolver);
}
