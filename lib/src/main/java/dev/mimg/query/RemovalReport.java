package dev.mimg.query;

import dev.mimg.model.HumanSize;
import dev.mimg.model.Json;
import dev.mimg.model.JsonArray;
import dev.mimg.model.JsonObject;
import java.util.List;

/**
 * What a removal did: the steps carried out, those skipped and why, and the space reclaimed as measured on the
 * store ({@code -1} when the store could no longer say); when the store stopped answering, the reason and the steps
 * not attempted. For a dry run: what it would have removed and the plan's estimate, with nothing changed.
 */
public record RemovalReport(List<RemovalPlan.Step> removed, List<RemovalPlan.Refusal> skipped,
    List<RemovalPlan.Step> notAttempted, String stoppedBecause, long reclaimed, boolean dryRun) {

  /** Defensive copies. */
  public RemovalReport {
    removed = List.copyOf(removed);
    skipped = List.copyOf(skipped);
    notAttempted = List.copyOf(notAttempted);
  }

  /** The report of a dry run: the plan's steps as "would remove", its refusals as "would skip". */
  public static RemovalReport dryRun(RemovalPlan plan) {
    return new RemovalReport(plan.steps(), plan.refusals(), List.of(), null, plan.bytes(), true);
  }

  /** True when everything planned was done: nothing skipped, nothing left undone. */
  public boolean complete() {
    return skipped.isEmpty() && notAttempted.isEmpty() && stoppedBecause == null;
  }

  /** One line per step done and skipped, where it stopped if it did, then the totals. */
  public String describe() {
    StringBuilder out = new StringBuilder();
    removed.forEach(step -> out.append(dryRun ? "would " + step.verb() : done(step)).append(' ')
        .append(on(step.store())).append(step.name())
        .append(' ').append(step.platform()).append(' ').append(step.id()).append('\n'));
    skipped.forEach(refusal -> out.append(dryRun ? "would skip " : "skipped ").append(on(refusal.store()))
        .append(refusal.name()).append(' ')
        .append(refusal.platform()).append(' ').append(refusal.id()).append(": ").append(refusal.reason())
        .append('\n'));
    if (stoppedBecause != null) {
      out.append("stopped: ").append(stoppedBecause).append("; not attempted: ").append(notAttempted.size())
          .append(notAttempted.isEmpty() ? "" : " (" + notAttempted.get(0).name() + " " + notAttempted.get(0).platform()
              + (notAttempted.size() > 1 ? " and " + (notAttempted.size() - 1) + " more" : "") + ")")
          .append('\n');
    }
    return out.append(summary()).append('\n').toString();
  }

  /** {@link #describe()}: a report prints as the CLI prints it (in Groovy and JShell too). */
  @Override
  public String toString() {
    return describe();
  }

  /** The totals line: {@code removed 2, skipped 1; reclaimed 86.6kB}, or what a dry run would do. */
  public String summary() {
    if (dryRun) {
      return "dry run: would remove " + removed.size() + ", skip " + skipped.size() + "; would reclaim about "
          + HumanSize.format(reclaimed) + "; nothing changed";
    }
    return "removed " + removed.size() + ", skipped " + skipped.size()
        + (notAttempted.isEmpty() ? "" : ", not attempted " + notAttempted.size())
        + "; reclaimed " + (reclaimed < 0 ? "unknown (the store stopped answering)" : HumanSize.format(reclaimed));
  }

  /**
   * The reports of a fleet's stores as one: everything each did and skipped, in store order; where stores stopped,
   * each reason; the space reclaimed added up (unknown when some store could not say).
   */
  public static RemovalReport ofStores(List<RemovalReport> reports) {
    List<RemovalPlan.Step> removed = new java.util.ArrayList<>();
    List<RemovalPlan.Refusal> skipped = new java.util.ArrayList<>();
    List<RemovalPlan.Step> notAttempted = new java.util.ArrayList<>();
    List<String> stopped = new java.util.ArrayList<>();
    long reclaimed = 0;
    boolean dryRun = !reports.isEmpty();
    for (RemovalReport report : reports) {
      removed.addAll(report.removed());
      skipped.addAll(report.skipped());
      notAttempted.addAll(report.notAttempted());
      if (report.stoppedBecause() != null) {
        stopped.add(report.stoppedBecause());
      }
      reclaimed = reclaimed < 0 || report.reclaimed() < 0 ? -1 : reclaimed + report.reclaimed();
      dryRun &= report.dryRun();
    }
    return new RemovalReport(removed, skipped, notAttempted, stopped.isEmpty() ? null : String.join("; ", stopped),
        reclaimed, dryRun);
  }

  /** {@code STORE: } before a fleet's row, nothing outside a fleet. */
  private static String on(String store) {
    return store == null ? "" : store + ": ";
  }

  private static String done(RemovalPlan.Step step) {
    return step.action() == RemovalPlan.Action.NAME ? "untagged" : "removed";
  }

  /** The report as JSON: {@code {"Removed":[...],"Skipped":[...],"Reclaimed":N,"DryRun":B}}. */
  public JsonObject toJson() {
    JsonObject json = Json.object();
    JsonArray done = json.putArray("Removed");
    removed.forEach(step -> stored(done.addObject(), step.store()).put("Action", step.verb())
        .put("Image", step.name()).put("Platform", step.platform()).put("Id", step.id()));
    JsonArray kept = json.putArray("Skipped");
    skipped.forEach(refusal -> stored(kept.addObject(), refusal.store()).put("Image", refusal.name())
        .put("Platform", refusal.platform()).put("Id", refusal.id()).put("Reason", refusal.reason()));
    if (stoppedBecause != null) {
      json.put("Stopped", stoppedBecause);
      JsonArray left = json.putArray("NotAttempted");
      notAttempted.forEach(step -> stored(left.addObject(), step.store()).put("Action", step.verb())
          .put("Image", step.name()).put("Platform", step.platform()).put("Id", step.id()));
    }
    return json.put("Reclaimed", reclaimed).put("DryRun", dryRun);
  }

  private static JsonObject stored(JsonObject node, String store) {
    return store == null ? node : node.put("Store", store);
  }
}
