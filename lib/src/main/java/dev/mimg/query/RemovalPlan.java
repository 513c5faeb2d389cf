package dev.mimg.query;

import dev.mimg.model.Digest;
import dev.mimg.model.HumanSize;
import dev.mimg.model.Image;
import dev.mimg.model.ImageName;
import dev.mimg.model.Json;
import dev.mimg.model.JsonArray;
import dev.mimg.model.JsonObject;
import dev.mimg.model.Variant;
import dev.mimg.render.TabWriter;
import dev.mimg.store.PlannedRemoval;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a removal will do before it does it: every step (a variant, a whole image, or one name of an image), with
 * the bytes it frees and the other names it touches, every variant or image it keeps and why, and notices.
 * Nothing is changed by building or printing a plan.
 */
public record RemovalPlan(List<Step> steps, List<Refusal> refusals, List<String> notices) {

  /** Defensive copies. */
  public RemovalPlan {
    steps = List.copyOf(steps);
    refusals = List.copyOf(refusals);
    notices = List.copyOf(notices);
  }

  /** What a step removes. */
  public enum Action {
    /** One variant's content, from every image that holds it. */
    VARIANT,
    /** A whole image: every name and the content no other image uses. */
    IMAGE,
    /** One name of an image; another name still holds the content. */
    NAME
  }

  /**
   * One step on the image called {@code name}: remove {@code variant} ({@code others}: the other names that lose
   * it too), the whole image, or the name {@code untagged} ({@code others}: the names that keep the content).
   */
  public record Step(Action action, Image image, String name, Variant variant, ImageName untagged,
      List<String> others) {

    /** Defensive copy. */
    public Step {
      others = List.copyOf(others);
    }

    /** Removes one variant of the image called {@code name}; {@code sharedWith} lose it too. */
    public static Step removeVariant(Image image, String name, Variant variant, List<String> sharedWith) {
      return new Step(Action.VARIANT, image, name, variant, null, sharedWith);
    }

    /** Removes the whole image. */
    public static Step removeImage(Image image) {
      return new Step(Action.IMAGE, image, image.name(), null, null, List.of());
    }

    /** Removes the name {@code untagged} of the image; {@code keptBy} still hold it. */
    public static Step removeName(Image image, ImageName untagged, List<String> keptBy) {
      return new Step(Action.NAME, image, untagged.toString(), null, untagged, keptBy);
    }

    /** The fleet store the step acts on (null outside a fleet). */
    public String store() {
      return image.store();
    }

    /** The same step on the image labelled with the fleet store it lives in. */
    public Step withStore(String storeName) {
      return new Step(action, image.withStore(storeName), name, variant, untagged, others);
    }

    /** Estimated bytes freed: the variant's, the whole image's content plus unpacked size, none for a name. */
    public long bytes() {
      return switch (action) {
        case VARIANT -> variant.diskUsage();
        case IMAGE -> image.diskUsage();
        case NAME -> 0;
      };
    }

    /** The platform removed: the variant's, "all" for a whole image, "-" for a name. */
    public String platform() {
      return switch (action) {
        case VARIANT -> variant.platform().toString();
        case IMAGE -> "all";
        case NAME -> "-";
      };
    }

    /** The id the step acts on: the variant's or the image's (12 hex digits). */
    public String id() {
      return action == Action.VARIANT ? variant.shortId() : image.shortId();
    }

    /** The word the plan and the report use: remove, or untag. */
    public String verb() {
      return action == Action.NAME ? "untag" : "remove";
    }

    /** The plan's note: who else loses the variant, or who keeps the content of an untagged name. */
    public String note() {
      if (others.isEmpty()) {
        return "";
      }
      return action == Action.NAME
          ? "content kept: also named " + String.join(", ", others)
          : "also removed from " + String.join(", ", others);
    }
  }

  /**
   * Something the plan will not remove (a variant, or a whole image with platform "all"), and why; {@code store}
   * names the fleet store it is in (null outside a fleet).
   */
  public record Refusal(String name, String platform, String id, long bytes, String reason, String store) {

    /** A refusal on one store (no fleet store named). */
    public Refusal(String name, String platform, String id, long bytes, String reason) {
      this(name, platform, id, bytes, reason, null);
    }

    /** The same refusal labelled with the fleet store it is in. */
    public Refusal withStore(String storeName) {
      return new Refusal(name, platform, id, bytes, reason, storeName);
    }

    /** Keeps a variant of the image called {@code name}. */
    public static Refusal of(String name, Variant variant, String reason) {
      return new Refusal(name, variant.platform().toString(), variant.shortId(), variant.diskUsage(), reason);
    }

    /** Keeps a whole image. */
    public static Refusal of(Image image, String reason) {
      return new Refusal(image.name(), "all", image.shortId(), image.diskUsage(), reason);
    }

    /** Skips a planned step. */
    public static Refusal of(Step step, String reason) {
      return new Refusal(step.name(), step.platform(), step.id(), step.bytes(), reason, step.store());
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

  /**
   * The same plan labelled with the fleet store it was made on: every step's image and every refusal carry its name,
   * every notice starts with it.
   */
  public RemovalPlan onStore(String store) {
    return new RemovalPlan(steps.stream().map(step -> step.withStore(store)).toList(),
        refusals.stream().map(refusal -> refusal.withStore(store)).toList(),
        notices.stream().map(notice -> store + ": " + notice).toList());
  }

  /** The part of a fleet's plan on one store: its steps and refusals (the notices stay with the whole plan). */
  public RemovalPlan ofStore(String store) {
    return new RemovalPlan(steps.stream().filter(step -> java.util.Objects.equals(step.store(), store)).toList(),
        refusals.stream().filter(refusal -> java.util.Objects.equals(refusal.store(), store)).toList(), List.of());
  }

  /** True when some step or refusal is labelled with a fleet store: plans and reports show a STORE column. */
  public boolean spansStores() {
    return steps.stream().anyMatch(step -> step.store() != null)
        || refusals.stream().anyMatch(refusal -> refusal.store() != null);
  }

  /** The content the steps remove, image by image, as a store sees it (names alone remove no content). */
  public List<PlannedRemoval> removals() {
    Map<Digest, PlannedRemoval> byImage = new LinkedHashMap<>();
    for (Step step : steps) {
      switch (step.action()) {
        case IMAGE -> byImage.put(step.image().id(), new PlannedRemoval(step.image(), List.of()));
        case VARIANT -> byImage.compute(step.image().id(), (id, before) -> {
          if (before != null && before.wholeImage()) {
            return before;
          }
          List<Variant> variants = new ArrayList<>(before == null ? List.of() : before.variants());
          variants.add(step.variant());
          return new PlannedRemoval(step.image(), variants);
        });
        case NAME -> { }
      }
    }
    return List.copyOf(byImage.values());
  }

  /** Estimated bytes the steps free: content plus unpacked size of each variant or image. */
  public long bytes() {
    return steps.stream().mapToLong(Step::bytes).sum();
  }

  /** True when the plan removes nothing. */
  public boolean isEmpty() {
    return steps.isEmpty();
  }

  /** True when the plan neither removes nor keeps anything: there was nothing to consider. */
  public boolean isNothing() {
    return steps.isEmpty() && refusals.isEmpty();
  }

  /** The plan as aligned lines: {@code ACTION IMAGE PLATFORM VARIANT SIZE NOTE}, steps then what is kept. */
  public String describe() {
    List<String> lines = new ArrayList<>();
    boolean fleet = spansStores();
    lines.add((fleet ? "STORE\t" : "") + "ACTION\tIMAGE\tPLATFORM\tVARIANT\tSIZE\tNOTE");
    for (Step step : steps) {
      lines.add((fleet ? step.store() + "\t" : "") + String.join("\t", step.verb(), step.name(), step.platform(),
          step.id(), HumanSize.format(step.bytes()), step.note()));
    }
    for (Refusal refusal : refusals) {
      lines.add((fleet ? refusal.store() + "\t" : "") + String.join("\t", "keep", refusal.name(), refusal.platform(),
          refusal.id(), HumanSize.format(refusal.bytes()), refusal.reason()));
    }
    return TabWriter.format(lines);
  }

  /** {@link #describe()}: a plan prints as its table (in Groovy and JShell too). */
  @Override
  public String toString() {
    return describe();
  }

  /** The plan as JSON: {@code {"Remove":[...],"Keep":[...],"Notices":[...],"Bytes":N}}. */
  public JsonObject toJson() {
    JsonObject json = Json.object();
    JsonArray remove = json.putArray("Remove");
    for (Step step : steps) {
      JsonObject node = remove.addObject();
      if (step.store() != null) {
        node.put("Store", step.store());
      }
      node.put("Action", step.verb()).put("Image", step.name())
          .put("Platform", step.platform()).put("Id", step.id()).put("Bytes", step.bytes());
      step.others().forEach(node.putArray(step.action() == Action.NAME ? "KeptBy" : "AlsoFrom")::add);
    }
    JsonArray keep = json.putArray("Keep");
    for (Refusal refusal : refusals) {
      JsonObject node = keep.addObject();
      if (refusal.store() != null) {
        node.put("Store", refusal.store());
      }
      node.put("Image", refusal.name()).put("Platform", refusal.platform()).put("Id", refusal.id())
          .put("Reason", refusal.reason());
    }
    notices.forEach(json.putArray("Notices")::add);
    return json.put("Bytes", bytes());
  }
}
