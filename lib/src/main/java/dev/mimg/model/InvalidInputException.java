package dev.mimg.model;

/** User input that cannot be accepted; the message is one line a CLI can print as-is. */
public class InvalidInputException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a single-line, user-facing message. */
    public InvalidInputException(String message) {
        super(message);
    }

    /** Creates the exception for {@code what "input": problem}, e.g. {@code invalid platform "linux/": architecture is empty}. */
    public static InvalidInputException of(String what, String input, String problem) {
        return new InvalidInputException(what + " " + quote(input) + ": " + problem);
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
}
