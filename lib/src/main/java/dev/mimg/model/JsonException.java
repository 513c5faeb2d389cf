package dev.mimg.model;

/**
 * JSON that cannot be read: malformed, beyond a limit, or of the wrong shape for what it is read into. The message
 * is one line, the {@link #reason()} then where it is ({@code at line 1, column 5}) when known; never the source.
 */
public final class JsonException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String reason;
  private final int line;
  private final int column;

  /** The error {@code reason} (one line) at {@code line} and {@code column} (0 when not known). */
  public JsonException(String reason, int line, int column, Throwable cause) {
    super(reason + where(line, column), cause);
    this.reason = reason;
    this.line = line;
    this.column = column;
  }

  /** What is wrong, without where. */
  public String reason() {
    return reason;
  }

  /** The line where it is wrong (from 1), 0 when not known. */
  public int line() {
    return line;
  }

  /** The column where it is wrong (from 1), 0 when not known. */
  public int column() {
    return column;
  }

  /** {@code value} (at {@code where}, e.g. {@code member "size"}, when not null) cannot be read as {@code type}. */
  static JsonException mismatch(String type, Json value, String where, int line, int column) {
    return new JsonException("Cannot deserialize value of type `" + type + "` from " + value.kind() + " value"
        + (where == null ? "" : " (" + where + ")"), line, column, null);
  }

  private static String where(int line, int column) {
    if (line <= 0) {
      return "";
    }
    return " at line " + line + (column > 0 ? ", column " + column : "");
  }
}
