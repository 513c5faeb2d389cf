package dev.mimg.query;

import dev.mimg.model.HumanSize;
import java.util.List;

/** What a removal did: the variants removed, those skipped and why, and the space reclaimed as measured. */
public record RemovalReport(List<RemovalPlan.Step> removed, List<RemovalPlan.Refusal> skipped, long reclaimed) {

  /** Defensive copies. */
  public RemovalReport {
    removed = List.copyOf(removed);
    skipped = List.copyOf(skipped);
  }

  /** One line per removed and skipped variant, then the totals. */
  public String describe() {
    StringBuilder out = new StringBuilder();
    removed.forEach(step -> out.append("removed ").append(step.name()).append(' ')
        .append(step.variant().platform()).append(' ').append(step.variant().shortId()).append('\n'));
    skipped.forEach(refusal -> out.append("skipped ").append(refusal.name()).append(' ')
        .append(refusal.variant().platform()).append(' ').append(refusal.variant().shortId()).append(": ")
        .append(refusal.reason()).append('\n'));
    return out.append("removed ").append(removed.size()).append(", skipped ").append(skipped.size())
        .append("; reclaimed ").append(HumanSize.format(reclaimed)).append('\n').toString();
  }
}
