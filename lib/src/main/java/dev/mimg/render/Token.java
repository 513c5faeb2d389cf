package dev.mimg.render;

/** One lexical element inside an action; {@code text} is the decoded value for strings, else the spelling. */
record Token(Kind kind, String text) {

  /** The lexical categories the supported subset needs. */
  enum Kind { PIPE, FIELD, IDENTIFIER, STRING }

  /** How the token is shown in error messages. */
  String describe() {
    return kind == Kind.STRING ? '"' + text + '"' : text;
  }
}
