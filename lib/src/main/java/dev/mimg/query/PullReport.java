package dev.mimg.query;

import dev.mimg.model.Digest;
import java.util.List;

/**
 * What a pull did: the image's index before and after (null when there was none) and each platform's outcome;
 * {@code oldImageKept} when the tag moved and other names still hold the old image.
 */
public record PullReport(String name, Digest indexBefore, Digest indexAfter, List<Outcome> outcomes,
    boolean oldImageKept) {

  /** Defensive copy. */
  public PullReport {
    outcomes = List.copyOf(outcomes);
  }

  /** What happened to one platform: pulled, back-filled, refreshed (old to new variant), unchanged, present. */
  public record Outcome(String platform, String action, Digest before, Digest after) {
  }

  /** One line per platform, then the index change, as a user reads it. */
  public String describe() {
    StringBuilder out = new StringBuilder();
    for (Outcome outcome : outcomes) {
      out.append(name).append(' ').append(outcome.platform()).append(": ").append(outcome.action());
      if (outcome.before() != null && outcome.after() != null && !outcome.before().equals(outcome.after())) {
        out.append(' ').append(outcome.before().shortId()).append(" -> ").append(outcome.after().shortId());
      } else if (outcome.after() != null) {
        out.append(' ').append(outcome.after().shortId());
      }
      out.append('\n');
    }
    if (indexBefore != null && indexAfter != null && !indexBefore.equals(indexAfter)) {
      out.append(name).append(": index ").append(indexBefore.shortId()).append(" -> ").append(indexAfter.shortId())
          .append(oldImageKept ? " (the old image is kept: other names still use it)" : "").append('\n');
    }
    return out.toString();
  }

  /** {@link #describe()}: a report prints as the CLI prints it. */
  @Override
  public String toString() {
    return describe();
  }
}
