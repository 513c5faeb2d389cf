package dev.mimg.render;

import java.time.Duration;
import java.time.Instant;

/** Docker's approximate durations ("2 weeks ago"), as computed by go-units {@code HumanDuration}. */
public final class HumanDuration {

  /** Go's time.Duration is int64 nanoseconds, so longer spans saturate at about 292 years. */
  private static final Duration LONGEST = Duration.ofNanos(Long.MAX_VALUE);

  private HumanDuration() {
  }

  /** Docker's CREATED column text, e.g. {@code "3 days ago"}. */
  public static String since(Instant then, Instant now) {
    return of(Duration.between(then, now)) + " ago";
  }

  /** go-units {@code HumanDuration(d)}, e.g. {@code "About a minute"}; negative spans count as zero. */
  public static String of(Duration duration) {
    Duration d = duration.compareTo(LONGEST) > 0 ? LONGEST : duration;
    long seconds = d.isNegative() ? 0 : d.getSeconds();
    long minutes = seconds / 60;
    double exactHours = (d.getSeconds() + d.getNano() / 1e9) / 3600;
    long hours = (long) (exactHours + 0.5);
    if (seconds < 1) {
      return "Less than a second";
    } else if (seconds == 1) {
      return "1 second";
    } else if (seconds < 60) {
      return seconds + " seconds";
    } else if (minutes == 1) {
      return "About a minute";
    } else if (minutes < 60) {
      return minutes + " minutes";
    } else if (hours == 1) {
      return "About an hour";
    } else if (hours < 48) {
      return hours + " hours";
    } else if (hours < 24 * 7 * 2) {
      return hours / 24 + " days";
    } else if (hours < 24 * 30 * 2) {
      return hours / 24 / 7 + " weeks";
    } else if (hours < 24 * 365 * 2) {
      return hours / 24 / 30 + " months";
    }
    return (long) exactHours / 24 / 365 + " years";
  }
}
