package dev.mimg.query;

import dev.mimg.model.HumanSize;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What a removal did: the variants removed, those skipped and why, and the space reclaimed as measured; for a
 * dry run, what it would have removed and the plan's estimate of the space, with nothing changed.
 */
public record RemovalReport(List<RemovalPlan.Step> removed, List<RemovalPlan.Refusal> skipped, long reclaimed,
    boolean dryRun) {

  /** Defensive copies. */
  public RemovalReport {
    removed = List.copyOf(removed);
    skipped = List.copyOf(skipped);
  }

  /** The report of a removal carried out, with the space measured on the store. */
  public RemovalReport(List<RemovalPlan.Step> removed, List<RemovalPlan.Refusal> skipped, long reclaimed) {
    this(removed, skipped, reclaimed, false);
  }

  /** The report of a dry run: the plan's steps as "would remove", its refusals as "would skip". */
  public static RemovalReport dryRun(RemovalPlan plan) {
    return new RemovalReport(plan.steps(), plan.refusals(), plan.bytes(), true);
  }

  /** One line per removed and skipped variant, then the totals. */
  public String describe() {
    String removedWord = dryRun ? "would remove " : "removed ";
    String skippedWord = dryRun ? "would skip " : "skipped ";
    StringBuilder out = new StringBuilder();
    removed.forEach(step -> out.append(removedWord).append(step.name()).append(' ')
        .append(step.platform()).append(' ').append(step.id()).append('\n'));
    skipped.forEach(refusal -> out.append(skippedWord).append(refusal.name()).append(' ')
        .append(refusal.platform()).append(' ').append(refusal.id()).append(": ")
        .append(refusal.reason()).append('\n'));
    return out.append(summary()).append('\n').toString();
  }

  /** The totals line: {@code removed 2, skipped 1; reclaimed 86.6kB}, or what a dry run would do. */
  public String summary() {
    if (dryRun) {
      return "dry run: would remove " + removed.size() + ", skip " + skipped.size() + "; would reclaim about "
          + HumanSize.format(reclaimed) + "; nothing changed";
    }
    return "removed " + removed.size() + ", skipped " + skipped.size() + "; reclaimed " + HumanSize.format(reclaimed);
  }

  /** The report as JSON: {@code {"Removed":[...],"Skipped":[...],"Reclaimed":N}}. */
  public ObjectNode toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    ArrayNode done = json.putArray("Removed");
    removed.forEach(step -> done.addObject().put("Image", step.name()).put("Platform", step.platform())
        .put("Id", step.id()));
    ArrayNode kept = json.putArray("Skipped");
    skipped.forEach(refusal -> kept.addObject().put("Image", refusal.name()).put("Platform", refusal.platform())
        .put("Id", refusal.id()).put("Reason", refusal.reason()));
    return json.put("Reclaimed", reclaimed).put("DryRun", dryRun);
  }
}
