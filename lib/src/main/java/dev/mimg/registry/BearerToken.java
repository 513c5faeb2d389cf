package dev.mimg.registry;

import java.time.Instant;

/** An access token from a token server and when it stops being valid; {@link #toString()} hides the token. */
record BearerToken(String value, Instant expires) {

  /** True while the token has at least a few seconds left. */
  boolean isFresh(Instant now) {
    return now.plusSeconds(5).isBefore(expires);
  }

  /** The {@code Authorization} header value. */
  String header() {
    return "Bearer " + value;
  }

  /** The expiry only. */
  @Override
  public String toString() {
    return "BearerToken[expires " + expires + "]";
  }
}
