package dev.mimg.model;

/** A JSON string. */
public final class JsonString implements Json {

  private final String value;

  /** The string {@code value} (not null: see {@link Json#of(String)}). */
  JsonString(String value) {
    this.value = value;
  }

  /** The string itself. */
  public String value() {
    return value;
  }

  @Override
  public String asText() {
    return value;
  }

  /** The string's number as Jackson reads one (spaces around allowed, a fraction cut off); else {@code fallback}. */
  @Override
  public long asLong(long fallback) {
    String text = value.strip();
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException notLong) {
      try {
        return text.isEmpty() ? fallback : (long) Double.parseDouble(text);
      } catch (NumberFormatException notNumber) {
        return fallback;
      }
    }
  }

  @Override
  public boolean asBoolean(boolean fallback) {
    String text = value.strip();
    return text.equals("true") || !text.equals("false") && fallback;
  }

  @Override
  public String kind() {
    return "String";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof JsonString string && value.equals(string.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** The compact JSON: the string quoted and escaped. */
  @Override
  public String toString() {
    return JsonText.compact(this);
  }
}
