package dev.mimg.view;

import java.time.Instant;

/**
 * How a listing is printed: {@code format} is null/"table" (default columns), "json" or a Go template;
 * {@code width} is the terminal width to truncate PLATFORMS to (0: no truncation); {@code now} anchors CREATED.
 */
public record ListingOptions(
    String format, boolean quiet, boolean noTrunc, boolean digests, boolean counts, boolean all, int width,
    Instant now) {

  /** Defaults: the table, no truncation, the current time. */
  public static ListingOptions defaults() {
    return new ListingOptions(null, false, false, false, false, false, 0, Instant.now());
  }
}
