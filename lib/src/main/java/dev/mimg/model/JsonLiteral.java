package dev.mimg.model;

/** The JSON literals true, false and null, and MISSING: no value at all (an absent member, an empty input). */
public enum JsonLiteral implements Json {
  /** JSON true. */
  TRUE("true", "Boolean"),
  /** JSON false. */
  FALSE("false", "Boolean"),
  /** JSON null. */
  NULL("null", "Null"),
  /** No value: what {@link Json#path} gives for an absent member; it cannot be stored or written. */
  MISSING("", "Missing");

  private final String text;
  private final String kind;

  JsonLiteral(String text, String kind) {
    this.text = text;
    this.kind = kind;
  }

  /** {@code true}, {@code false}, {@code null}; "" for MISSING. */
  @Override
  public String asText() {
    return text;
  }

  /** 1 for true, 0 for false, else {@code fallback}. */
  @Override
  public long asLong(long fallback) {
    return this == TRUE ? 1 : this == FALSE ? 0 : fallback;
  }

  @Override
  public boolean asBoolean(boolean fallback) {
    return this == TRUE || this != FALSE && fallback;
  }

  @Override
  public String kind() {
    return kind;
  }

  /** The literal as JSON; "" for MISSING. */
  @Override
  public String toString() {
    return text;
  }
}
