package dev.mimg.model;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.regex.Pattern;

/**
 * The one place JSON errors become one line: a {@link JsonException}'s message, jackson-core's parse errors as
 * their own message and where ({@code at line 1, column 1}), never the source excerpt Jackson appends.
 */
public final class JsonErrors {

  /** Jackson's "[Source: ...; line: 1, column: 5]" inside a message (e.g. the start marker of an unclosed array). */
  private static final Pattern SOURCE = Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+)(?:, column: (\\d+))?\\]");

  private JsonErrors() {
  }

  /** One line describing {@code e}: a {@link JsonException}'s message, else the first line of its message. */
  public static String oneLine(Exception e) {
    if (e instanceof JsonException json) {
      return json.getMessage();
    }
    if (e instanceof JsonProcessingException json) {
      return of(json, null).getMessage();
    }
    return firstLine(e.getMessage(), e);
  }

  /** The {@link JsonException} for a jackson-core error, at its location, else at {@code fallback} (may be null). */
  static JsonException of(JsonProcessingException e, JsonLocation fallback) {
    JsonLocation at = e.getLocation() != null ? e.getLocation() : fallback;
    String reason = firstLine(e.getOriginalMessage(), e);
    reason = SOURCE.matcher(reason).replaceAll(m -> m.group(2) == null ? "line " + m.group(1)
      : "line " + m.group(1) + ", column " + m.group(2));
    return new JsonException(reason, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), e);
  }

  private static String firstLine(String message, Exception e) {
    String text = message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse("");
    return text.replaceAll("\\p{Cntrl}", "").strip();
  }
}
