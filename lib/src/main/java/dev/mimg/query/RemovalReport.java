package dev.mimg.query;

import dev.mimg.model.HumanSize;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
        .append(step.platform()).append(' ').append(step.id()).append('\n'));
    skipped.forEach(refusal -> out.append("skipped ").append(refusal.name()).append(' ')
        .append(refusal.platform()).append(' ').append(refusal.id()).append(": ")
        .append(refusal.reason()).append('\n'));
    return out.append("removed ").append(removed.size()).append(", skipped ").append(skipped.size())
        .append("; reclaimed ").append(HumanSize.format(reclaimed)).append('\n').toString();
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
    return json.put("Reclaimed", reclaimed);
  }
}
