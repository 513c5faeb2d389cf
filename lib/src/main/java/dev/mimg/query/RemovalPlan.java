package dev.mimg.query;

import dev.mimg.model.HumanSize;
import dev.mimg.model.Image;
import dev.mimg.model.Variant;
import dev.mimg.render.TabWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * What a removal will do before it does it: every variant it removes (image, platform, variant id, bytes, the
 * other images that lose it too), every variant it refuses to touch and why, and notices. Nothing is changed
 * by building or printing a plan.
 */
public record RemovalPlan(List<Step> steps, List<Refusal> refusals, List<String> notices) {

  /** Defensive copies. */
  public RemovalPlan {
    steps = List.copyOf(steps);
    refusals = List.copyOf(refusals);
    notices = List.copyOf(notices);
  }

  /** One variant to remove from the image called {@code name}; {@code sharedWith} lose it as well. */
  public record Step(Image image, String name, Variant variant, List<String> sharedWith) {
    /** Defensive copy. */
    public Step {
      sharedWith = List.copyOf(sharedWith);
    }
  }

  /** A variant the plan will not remove, with the reason (in use, shared, not present...). */
  public record Refusal(String name, Variant variant, String reason) {
  }

  /** Estimated bytes the steps free: content plus unpacked size of each variant. */
  public long bytes() {
    return steps.stream().mapToLong(step -> step.variant().diskUsage()).sum();
  }

  /** True when the plan removes nothing. */
  public boolean isEmpty() {
    return steps.isEmpty();
  }

  /** The plan as aligned lines: {@code remove NAME PLATFORM VARIANT SIZE [also from ...]} and refusals. */
  public String describe() {
    List<String> lines = new ArrayList<>();
    lines.add("ACTION\tIMAGE\tPLATFORM\tVARIANT\tSIZE\tNOTE");
    for (Step step : steps) {
      lines.add(String.join("\t", "remove", step.name(), step.variant().platform().toString(),
          step.variant().shortId(), HumanSize.format(step.variant().diskUsage()),
          step.sharedWith().isEmpty() ? "" : "also removed from " + String.join(", ", step.sharedWith())));
    }
    for (Refusal refusal : refusals) {
      lines.add(String.join("\t", "keep", refusal.name(), refusal.variant().platform().toString(),
          refusal.variant().shortId(), HumanSize.format(refusal.variant().diskUsage()), refusal.reason()));
    }
    return TabWriter.format(lines);
  }
}
