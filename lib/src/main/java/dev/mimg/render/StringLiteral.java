package dev.mimg.render;

/** A quoted or raw string constant such as {@code ", "}. */
record StringLiteral(String value) implements Argument {

  @Override
  public Object valueIn(ValueResolver resolver) {
    return value;
  }
}
