package dev.mimg.model;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A JSON number, kept as its text: what was read is written back unchanged (a long beyond 2^63, 1.50, 1e5, -0).
 * Equal to another number of the same text.
 */
public final class JsonNumber implements Json {

  private static final BigDecimal LONG_LIMIT = new BigDecimal(BigInteger.ONE.shiftLeft(63));

  private final String text;

  /** The number written {@code text} (valid JSON number text: the reader's or a long's). */
  JsonNumber(String text) {
    this.text = text;
  }

  /** The number as written. */
  public String text() {
    return text;
  }

  /** True when written without a fraction or exponent. */
  public boolean isIntegral() {
    return text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0;
  }

  /** The exact value. */
  public BigDecimal decimal() {
    return new BigDecimal(text);
  }

  /** The value as a long with any fraction cut off, or null when it is beyond the range of a long. */
  Long exactLong() {
    if (isIntegral()) {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException tooLarge) {
        return null;
      }
    }
    BigDecimal value = decimal();
    if (value.abs().compareTo(BigDecimal.ONE) < 0) {
      return 0L;
    }
    return value.abs().compareTo(LONG_LIMIT) < 0 ? value.longValue() : null;
  }

  @Override
  public String asText() {
    return text;
  }

  /** The value as Jackson's nodes give it: a fraction cut off, a too large integer wrapped around. */
  @Override
  public long asLong(long fallback) {
    if (!isIntegral()) {
      return (long) Double.parseDouble(text);
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException tooLarge) {
      return new BigInteger(text).longValue();
    }
  }

  /** For an integer: not 0; {@code fallback} for a number with a fraction or exponent. */
  @Override
  public boolean asBoolean(boolean fallback) {
    return isIntegral() ? new BigInteger(text).signum() != 0 : fallback;
  }

  @Override
  public String kind() {
    return "Number";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof JsonNumber number && text.equals(number.text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  /** The number's text. */
  @Override
  public String toString() {
    return text;
  }
}
