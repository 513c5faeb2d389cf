package dev.mimg.query;

import dev.mimg.model.HumanSize;
import dev.mimg.model.Image;
import dev.mimg.model.Variant;
import dev.mimg.render.TabWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

  /**
   * One variant to remove from the image called {@code name} ({@code sharedWith} lose it as well), or, when
   * {@code variant} is null, the whole image with all its names.
   */
  public record Step(Image image, String name, Variant variant, List<String> sharedWith) {
    /** Defensive copy. */
    public Step {
      sharedWith = List.copyOf(sharedWith);
    }

    /** True when the step removes the whole image. */
    public boolean wholeImage() {
      return variant == null;
    }

    /** Estimated bytes freed: the variant's, or the whole image's present content plus unpacked size. */
    public long bytes() {
      return wholeImage() ? image.diskUsage() : variant.diskUsage();
    }

    /** The platform removed, or "all" for a whole image. */
    public String platform() {
      return wholeImage() ? "all" : variant.platform().toString();
    }

    /** The id removed: the variant's or the image's (12 hex digits). */
    public String id() {
      return wholeImage() ? image.shortId() : variant.shortId();
    }
  }

  /** Something the plan will not remove (a variant, or a whole image with platform "all"), and why. */
  public record Refusal(String name, String platform, String id, long bytes, String reason) {

    /** Keeps a variant of the image called {@code name}. */
    public static Refusal of(String name, Variant variant, String reason) {
      return new Refusal(name, variant.platform().toString(), variant.shortId(), variant.diskUsage(), reason);
    }

    /** Skips a planned step. */
    public static Refusal of(Step step, String reason) {
      return new Refusal(step.name(), step.platform(), step.id(), step.bytes(), reason);
    }
  }

  /** One plan with the steps, refusals and notices of several, in order. */
  public static RemovalPlan merge(List<RemovalPlan> plans) {
    List<Step> steps = new ArrayList<>();
    List<Refusal> refusals = new ArrayList<>();
    List<String> notices = new ArrayList<>();
    for (RemovalPlan plan : plans) {
      steps.addAll(plan.steps());
      refusals.addAll(plan.refusals());
      notices.addAll(plan.notices());
    }
    return new RemovalPlan(steps, refusals, notices);
  }

  /** Estimated bytes the steps free: content plus unpacked size of each variant. */
  public long bytes() {
    return steps.stream().mapToLong(Step::bytes).sum();
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
      lines.add(String.join("\t", "remove", step.name(), step.platform(), step.id(), HumanSize.format(step.bytes()),
          step.sharedWith().isEmpty() ? "" : "also removed from " + String.join(", ", step.sharedWith())));
    }
    for (Refusal refusal : refusals) {
      lines.add(String.join("\t", "keep", refusal.name(), refusal.platform(), refusal.id(),
          HumanSize.format(refusal.bytes()), refusal.reason()));
    }
    return TabWriter.format(lines);
  }

  /** The plan as JSON: {@code {"Remove":[...],"Keep":[...],"Notices":[...],"Bytes":N}}. */
  public ObjectNode toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    ArrayNode remove = json.putArray("Remove");
    for (Step step : steps) {
      ObjectNode node = remove.addObject().put("Image", step.name()).put("Platform", step.platform())
          .put("Id", step.id())
          .put("Bytes", step.bytes());
      step.sharedWith().forEach(node.putArray("AlsoFrom")::add);
    }
    ArrayNode keep = json.putArray("Keep");
    refusals.forEach(refusal -> keep.addObject().put("Image", refusal.name()).put("Platform", refusal.platform())
        .put("Id", refusal.id()).put("Reason", refusal.reason()));
    notices.forEach(json.putArray("Notices")::add);
    return json.put("Bytes", bytes());
  }
}
