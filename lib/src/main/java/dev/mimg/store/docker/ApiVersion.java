package dev.mimg.store.docker;

import dev.mimg.store.StoreException;

/** A Docker Engine API version such as {@code 1.51}, ordered numerically. */
public record ApiVersion(int major, int minor) implements Comparable<ApiVersion> {

  /** Parses {@code MAJOR.MINOR}. */
  public static ApiVersion parse(String text) {
    String[] parts = text.strip().split("\\.");
    try {
      return new ApiVersion(Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 0);
    } catch (NumberFormatException e) {
      throw new StoreException("the engine reported an unreadable API version \"" + text + "\"");
    }
  }

  /** True when this version is at least {@code other}. */
  public boolean atLeast(ApiVersion other) {
    return compareTo(other) >= 0;
  }

  @Override
  public int compareTo(ApiVersion other) {
    return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
  }

  @Override
  public String toString() {
    return major + "." + minor;
  }
}
