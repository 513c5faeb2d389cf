package dev.mimg.model;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/**
 * How long mimg waits on a registry or a Docker engine: {@code connect} for a connection, {@code read} for the
 * next byte of an answer while one is awaited (inactivity, not the total: a long download that keeps sending is
 * fine). A zero duration means no limit. Read from {@value #CONNECT_ENV} and {@value #READ_ENV}: seconds
 * ({@code 90}) or Go durations ({@code 90s}, {@code 2m}, {@code 1m30s}, {@code 500ms}).
 */
public record Timeouts(Duration connect, Duration read) {

  /** The variable that sets the connect timeout. */
  public static final String CONNECT_ENV = "MIMG_CONNECT_TIMEOUT";
  /** The variable that sets the read (inactivity) timeout. */
  public static final String READ_ENV = "MIMG_READ_TIMEOUT";
  /** 10 s to connect, 60 s without a byte while an answer is awaited. */
  public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(60));

  private static final String EXPECTED = "expected seconds (60) or a duration such as 90s, 2m, 1m30s or 500ms";

  /** Rejects null and negative durations. */
  public Timeouts {
    if (connect == null || read == null || connect.isNegative() || read.isNegative()) {
      throw new IllegalArgumentException("timeouts must be zero (no limit) or positive");
    }
  }

  /** The timeouts the process environment sets, the defaults for unset variables. */
  public static Timeouts fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  /** The timeouts {@code env} sets; a malformed value is an {@link InvalidInputException} naming the variable. */
  public static Timeouts fromEnvironment(Map<String, String> env) {
    return new Timeouts(variable(env, CONNECT_ENV, DEFAULT.connect), variable(env, READ_ENV, DEFAULT.read));
  }

  /** True when connecting is limited (not zero). */
  public boolean limitsConnect() {
    return !connect.isZero();
  }

  /** True when waiting for an answer is limited (not zero). */
  public boolean limitsRead() {
    return !read.isZero();
  }

  /** The one line for a read timeout: {@code PEER sent nothing for 60 s DOING (MIMG_READ_TIMEOUT raises the limit)}. */
  public String readTimedOut(String peer, String doing) {
    return peer + " sent nothing for " + describe(read) + (doing.isEmpty() ? "" : " " + doing) + " ("
        + READ_ENV + " raises the limit)";
  }

  /** The one line for a connect timeout: {@code could not connect to PEER within 10 s DOING (...)}. */
  public String connectTimedOut(String peer, String doing) {
    return "could not connect to " + peer + " within " + describe(connect) + (doing.isEmpty() ? "" : " " + doing)
        + " (" + CONNECT_ENV + " raises the limit)";
  }

  /** A duration for messages: "500 ms", "5 s", "1.5 s", "90 s". */
  public static String describe(Duration duration) {
    if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
      return duration.toMillis() + " ms";
    }
    BigDecimal seconds = BigDecimal.valueOf(duration.toMillis()).movePointLeft(3).stripTrailingZeros();
    return seconds.toPlainString() + " s";
  }

  /**
   * Parses seconds ({@code 90}, {@code 1.5}) or a Go duration ({@code 1m30s}); {@code variable} names the source in
   * errors.
   */
  public static Duration parse(String variable, String text) {
    String value = text.strip();
    if (value.isEmpty()) {
      throw InvalidInputException.of("invalid " + variable, text, EXPECTED);
    }
    if (value.startsWith("-")) {
      throw InvalidInputException.of("invalid " + variable, text, "a timeout cannot be negative (0 means no limit)");
    }
    BigDecimal nanos = BigDecimal.ZERO;
    int i = 0;
    while (i < value.length()) {
      int start = i;
      while (i < value.length() && (Character.isDigit(value.charAt(i)) || value.charAt(i) == '.')) {
        i++;
      }
      int unitStart = i;
      while (i < value.length() && !Character.isDigit(value.charAt(i)) && value.charAt(i) != '.') {
        i++;
      }
      BigDecimal number = number(value.substring(start, unitStart));
      String unit = value.substring(unitStart, i);
      long scale = unit.isEmpty() && start == 0 && i == value.length() ? 1_000_000_000L : unitNanos(unit);
      if (number == null || scale == 0) {
        throw InvalidInputException.of("invalid " + variable, text, EXPECTED);
      }
      nanos = nanos.add(number.multiply(BigDecimal.valueOf(scale)));
    }
    if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw InvalidInputException.of("invalid " + variable, text, "too long");
    }
    return Duration.ofNanos(nanos.longValue());
  }

  private static Duration variable(Map<String, String> env, String name, Duration fallback) {
    String value = env.get(name);
    return value == null || value.isBlank() ? fallback : parse(name, value);
  }

  private static BigDecimal number(String digits) {
    if (digits.isEmpty() || digits.equals(".") || digits.indexOf('.') != digits.lastIndexOf('.')) {
      return null;
    }
    return new BigDecimal(digits.startsWith(".") ? "0" + digits : digits.endsWith(".") ? digits + "0" : digits);
  }

  private static long unitNanos(String unit) {
    return switch (unit) {
      case "ns" -> 1L;
      case "us", "\u00b5s", "\u03bcs" -> 1_000L;
      case "ms" -> 1_000_000L;
      case "s" -> 1_000_000_000L;
      case "m" -> 60_000_000_000L;
      case "h" -> 3_600_000_000_000L;
      default -> 0L;
    };
  }
}
