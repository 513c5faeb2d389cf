package dev.mimg.registry;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * How often and how patiently to retry: {@code attempts} in all, waiting {@code firstDelay}, then twice as long
 * each time (at most {@code maxDelay}), or what a {@code Retry-After} header asks; a caller gives up rather than
 * wait longer than {@code maxDelay}.
 */
record RetryPolicy(int attempts, Duration firstDelay, Duration maxDelay) {

  /** The longest Retry-After taken literally (about 31 years); longer ones are as good as this. */
  static final long MAX_RETRY_AFTER_SECONDS = 1_000_000_000L;

  /** Four attempts, waiting 0.5 s, 1 s and 2 s, never more than 30 s. */
  static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(30));

  /** Rejects fewer than one attempt and negative delays. */
  RetryPolicy {
    if (attempts < 1 || firstDelay.isNegative() || maxDelay.isNegative()) {
      throw new IllegalArgumentException("a retry policy needs at least one attempt and non-negative delays");
    }
  }

  /** True for the statuses worth another attempt: 429 and the 5xx a server may recover from. */
  static boolean retryable(int status) {
    return status == 429 || status >= 500 && status != 501 && status != 505;
  }

  /**
   * The wait before attempt {@code attempt + 1} (attempts count from 1): what {@code Retry-After} asks (which may
   * exceed {@code maxDelay}: the caller then gives up), else the backoff, at most {@code maxDelay}.
   */
  Duration delayAfter(int attempt, Optional<String> retryAfter) {
    Duration backoff = firstDelay.multipliedBy(1L << Math.min(attempt - 1, 20));
    return retryAfter.flatMap(RetryPolicy::parseRetryAfter)
        .orElse(backoff.compareTo(maxDelay) > 0 ? maxDelay : backoff);
  }

  /** {@code Retry-After} as seconds (at most {@value #MAX_RETRY_AFTER_SECONDS}) or as an HTTP date. */
  static Optional<Duration> parseRetryAfter(String value) {
    String text = value.strip();
    if (!text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      long seconds = text.length() > 12 ? MAX_RETRY_AFTER_SECONDS : Long.parseLong(text);
      return Optional.of(Duration.ofSeconds(Math.min(seconds, MAX_RETRY_AFTER_SECONDS)));
    }
    try {
      Duration until = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(text,
          DateTimeFormatter.RFC_1123_DATE_TIME));
      return Optional.of(until.isNegative() ? Duration.ZERO : until);
    } catch (DateTimeParseException notADate) {
      return Optional.empty();
    }
  }
}
