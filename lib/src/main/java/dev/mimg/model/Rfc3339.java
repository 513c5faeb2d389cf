package dev.mimg.model;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * RFC 3339 times as image configs and the engine write them ({@code 2024-01-02T03:04:05Z},
 * {@code 2024-01-02T03:04:05.123456789+01:00}), read by hand for the common forms (java.time's parser costs
 * milliseconds at start-up) and by {@link OffsetDateTime} for anything else.
 */
public final class Rfc3339 {

  private Rfc3339() {
  }

  /** The instant {@code text} names; a {@link DateTimeParseException} when it is no RFC 3339 time. */
  public static Instant parse(String text) {
    Instant quick = quick(text);
    return quick != null ? quick : OffsetDateTime.parse(text).toInstant();
  }

  /** {@code YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)}, or null for anything else. */
  private static Instant quick(String t) {
    int n = t.length();
    if (n < 20 || t.charAt(4) != '-' || t.charAt(7) != '-' || (t.charAt(10) != 'T' && t.charAt(10) != 't')
        || t.charAt(13) != ':' || t.charAt(16) != ':') {
      return null;
    }
    int year = digits(t, 0, 4);
    int month = digits(t, 5, 7);
    int day = digits(t, 8, 10);
    int hour = digits(t, 11, 13);
    int minute = digits(t, 14, 16);
    int second = digits(t, 17, 19);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) {
      return null;
    }
    int i = 19;
    long nanos = 0;
    if (i < n && t.charAt(i) == '.') {
      int start = ++i;
      while (i < n && Character.isDigit(t.charAt(i))) {
        i++;
      }
      if (i == start || i - start > 9) {
        return null;
      }
      nanos = Long.parseLong(t.substring(start, i)) * (long) Math.pow(10, 9 - (i - start));
    }
    int offsetSeconds;
    if (i == n - 1 && (t.charAt(i) == 'Z' || t.charAt(i) == 'z')) {
      offsetSeconds = 0;
    } else if (i == n - 6 && (t.charAt(i) == '+' || t.charAt(i) == '-') && t.charAt(i + 3) == ':') {
      int oh = digits(t, i + 1, i + 3);
      int om = digits(t, i + 4, i + 6);
      if (oh < 0 || om < 0 || oh > 23 || om > 59) {
        return null;
      }
      offsetSeconds = (t.charAt(i) == '-' ? -1 : 1) * (oh * 3600 + om * 60);
    } else {
      return null;
    }
    if (day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
      return null;
    }
    long days = java.time.LocalDate.of(year, month, day).toEpochDay();
    return Instant.ofEpochSecond(days * 86400 + hour * 3600L + minute * 60L + second - offsetSeconds, nanos);
  }

  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
