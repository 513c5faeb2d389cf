package dev.mimg.model;

/** User input that cannot be accepted; the message is one line a CLI can print as-is. */
public class InvalidInputException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a single-line, user-facing message. */
  public InvalidInputException(String message) {
    super(message);
  }

  /**
   * Creates the exception for {@code what "input": problem}, e.g. {@code invalid platform "linux/": architecture is
   * empty}.
   */
  public static InvalidInputException of(String what, String input, String problem) {
    return new InvalidInputException(what + " " + quoteBounded(input) + ": " + problem);
  }

  /**
   * Like {@link #quote}, but text over 120 characters is cut to its first 100, with its length, so the line stays
   * readable.
   */
  static String quoteBounded(String text) {
    if (text.length() <= 120) {
      return quote(text);
    }
    int cut = Character.isHighSurrogate(text.charAt(99)) ? 99 : 100;
    return quote(text.substring(0, cut) + "...") + " (" + text.length() + " characters)";
  }

  /** Double-quotes text, escaping quotes, backslashes and control characters so the result stays on one line. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    text.codePoints().forEach(c -> {
      if (c == '"' || c == '\\') {
        out.append('\\').appendCodePoint(c);
      } else if (Character.isISOControl(c)) {
        out.append(String.format("\\u%04x", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.append('"').toString();
  }

  /** No stack trace where {@link BriefErrors} says the message is all a user is shown. */
  @Override
  public synchronized Throwable fillInStackTrace() {
    return BriefErrors.on() ? this : super.fillInStackTrace();
  }
}
