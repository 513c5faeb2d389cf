package dev.mimg.view;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * How a listing is printed: {@code format} is null/"table" (default columns), "json" or a Go template; the
 * switches {@code ls} takes; {@code width} is the terminal width to truncate PLATFORMS to (0: no truncation);
 * {@code now} anchors CREATED.
 */
public record ListingOptions(String format, Set<Switch> switches, int width, Instant now) {

  /** What a listing shows besides its columns, as {@code ls} flags say. */
  public enum Switch {
    /** Only ids ({@code -q}). */
    QUIET,
    /** Full ids and PLATFORMS ({@code --no-trunc}). */
    NO_TRUNC,
    /** A DIGEST column ({@code --digests}). */
    DIGESTS,
    /** PLATFORMS as present/total ({@code --counts}). */
    COUNTS,
    /** Missing variants and attestations in the tree ({@code --all}). */
    ALL,
    /** Variants below each image ({@code --tree}). */
    TREE
  }

  /** Defensive copy. */
  public ListingOptions {
    switches = switches.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(switches));
  }

  /** Defaults: the table, no switch, no truncation, the current time. */
  public static ListingOptions defaults() {
    return new ListingOptions(null, Set.of(), 0, Instant.now());
  }

  /** The same options with {@code format} (null or empty: the default table). */
  public ListingOptions format(String newFormat) {
    return new ListingOptions(newFormat == null || newFormat.isEmpty() ? null : newFormat, switches, width, now);
  }

  /** The same options with {@code on} switched on when {@code when}. */
  public ListingOptions with(Switch on, boolean when) {
    if (!when) {
      return this;
    }
    EnumSet<Switch> more = switches.isEmpty() ? EnumSet.noneOf(Switch.class) : EnumSet.copyOf(switches);
    more.add(on);
    return new ListingOptions(format, more, width, now);
  }

  /** The same options truncating PLATFORMS to {@code columns} (0: never). */
  public ListingOptions width(int columns) {
    return new ListingOptions(format, switches, columns, now);
  }

  /** The same options anchoring CREATED at {@code instant}. */
  public ListingOptions now(Instant instant) {
    return new ListingOptions(format, switches, width, instant);
  }

  /** Only ids. */
  public boolean quiet() {
    return switches.contains(Switch.QUIET);
  }

  /** Full ids and PLATFORMS. */
  public boolean noTrunc() {
    return switches.contains(Switch.NO_TRUNC);
  }

  /** A DIGEST column. */
  public boolean digests() {
    return switches.contains(Switch.DIGESTS);
  }

  /** PLATFORMS as present/total. */
  public boolean counts() {
    return switches.contains(Switch.COUNTS);
  }

  /** Missing variants and attestations in the tree. */
  public boolean all() {
    return switches.contains(Switch.ALL);
  }
}
