package dev.mimg.query;

import dev.mimg.model.Digest;
import dev.mimg.model.Image;
import dev.mimg.model.ImageName;
import dev.mimg.model.Variant;
import dev.mimg.store.ImageStore;
import dev.mimg.store.StoreException;
import dev.mimg.store.StoreUnavailableException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Carries out a removal plan: re-checks each step right before it acts (the image still there with the same
 * digest, the variant still present and not newly in use, no name added meanwhile) and skips what changed; stops
 * when the store stops answering, reporting what was done and what was not attempted. Reclaimed space is measured
 * on the store before and after, over the images the plan touches (the whole store when it removes images).
 */
final class Remover {

  /** Up to this many images are measured one by one; more are measured with one listing. */
  private static final int MEASURE_ONE_BY_ONE = 3;

  private Remover() {
  }

  /** Executes the plan on the store ({@code force} as given when planning); a read-only store changes nothing. */
  static RemovalReport execute(ImageStore store, RemovalPlan plan, boolean force) {
    if (store.isReadOnly()) {
      return RemovalReport.dryRun(plan);
    }
    Map<Digest, Image> touched = new LinkedHashMap<>();
    plan.steps().forEach(step -> touched.putIfAbsent(step.image().id(), step.image()));
    boolean wholeImages = plan.steps().stream().anyMatch(step -> step.action() == RemovalPlan.Action.IMAGE);
    long before = usage(store, touched, wholeImages);
    List<RemovalPlan.Step> removed = new ArrayList<>();
    List<RemovalPlan.Refusal> skipped = new ArrayList<>(plan.refusals());
    List<RemovalPlan.Step> steps = plan.steps();
    for (int i = 0; i < steps.size(); ) {
      List<RemovalPlan.Step> group = group(steps, i, store.rewritesImages());
      RemovalPlan.Step step = group.get(0);
      try {
        Optional<Image> now = store.current(step.image());
        String problem = recheck(now, group, force);
        if (problem != null) {
          group.forEach(s -> skipped.add(RemovalPlan.Refusal.of(s, problem)));
        } else {
          act(store, group);
          removed.addAll(group);
        }
      } catch (StoreUnavailableException e) {
        return stopped(removed, skipped, steps.subList(i, steps.size()), step, e, store, touched, wholeImages, before);
      } catch (StoreException e) {
        group.forEach(s -> skipped.add(RemovalPlan.Refusal.of(s, e.getMessage())));
      }
      i += group.size();
    }
    long after = usage(store, touched, wholeImages);
    return new RemovalReport(removed, skipped, List.of(), null, before < 0 || after < 0 ? -1 : Math.max(0,
        before - after),
        false);
  }

  private static RemovalReport stopped(List<RemovalPlan.Step> removed, List<RemovalPlan.Refusal> skipped,
      List<RemovalPlan.Step> left, RemovalPlan.Step at, StoreException e, ImageStore store, Map<Digest, Image> touched,
      boolean wholeImages, long before) {
    long after = usage(store, touched, wholeImages);
    String where = "at " + at.verb() + " " + at.name() + " " + at.platform() + " " + at.id() + ": " + e.getMessage();
    return new RemovalReport(removed, skipped, left, where, before < 0 || after < 0 ? -1 : Math.max(0, before - after),
        false);
  }

  /**
   * The step at {@code i} and the steps of the same kind on the same image right after it: names untagged together,
   * and, where {@code variantsTogether} (a store that rewrites the image: one new index for them), variants.
   */
  private static List<RemovalPlan.Step> group(List<RemovalPlan.Step> steps, int i, boolean variantsTogether) {
    RemovalPlan.Step first = steps.get(i);
    List<RemovalPlan.Step> group = new ArrayList<>(List.of(first));
    boolean groups = first.action() == RemovalPlan.Action.NAME
        || first.action() == RemovalPlan.Action.VARIANT && variantsTogether;
    while (groups && i + group.size() < steps.size()) {
      RemovalPlan.Step next = steps.get(i + group.size());
      if (next.action() != first.action() || !next.image().id().equals(first.image().id())
          || !next.name().equals(first.name()) && first.action() == RemovalPlan.Action.VARIANT) {
        break;
      }
      group.add(next);
    }
    return group;
  }

  private static void act(ImageStore store, List<RemovalPlan.Step> group) {
    RemovalPlan.Step step = group.get(0);
    switch (step.action()) {
      case IMAGE -> store.removeImage(step.image());
      case VARIANT -> store.removeVariants(step.name(), group.stream().map(RemovalPlan.Step::variant).toList());
      case NAME -> store.untag(step.image(), group.stream().map(RemovalPlan.Step::untagged).toList());
    }
  }

  /** Why the steps must be skipped now (null: go ahead). */
  private static String recheck(Optional<Image> image, List<RemovalPlan.Step> group, boolean force) {
    RemovalPlan.Step step = group.get(0);
    if (image.isEmpty()) {
      return "changed meanwhile: the image is gone or now has another digest";
    }
    Image now = image.get();
    return switch (step.action()) {
      case IMAGE -> {
        List<String> added = now.names().stream().filter(n -> !step.image().names().contains(n))
            .map(ImageName::toString).toList();
        yield !added.isEmpty() ? "changed meanwhile: it is now also named " + String.join(", ", added)
            : !now.containers().isEmpty() && !force ? "became in use meanwhile" : null;
      }
      case VARIANT -> {
        String problem = null;
        for (RemovalPlan.Step each : group) {
          Optional<Variant> variant = now.present().stream()
              .filter(v -> v.digest().equals(each.variant().digest())).findFirst();
          problem = problem != null ? problem : variant.isEmpty() ? "changed meanwhile: no longer present"
              : variant.get().inUse() && !force ? "became in use meanwhile" : null;
        }
        yield problem;
      }
      case NAME -> {
        List<ImageName> names = group.stream().map(RemovalPlan.Step::untagged).toList();
        yield !now.names().containsAll(names) ? "changed meanwhile: the name is gone"
            : now.names().stream().allMatch(names::contains) ? "changed meanwhile: no other name holds it any more"
            : null;
      }
    };
  }

  /**
   * The store's content bytes ({@link ImageStore#contentBytes}) of the touched images, or of the whole store when
   * whole images go (their content may stay with others) or the store gives images new ids; -1 when the store does
   * not answer.
   */
  private static long usage(ImageStore store, Map<Digest, Image> touched, boolean wholeStore) {
    try {
      List<Image> images = new ArrayList<>();
      if (wholeStore || touched.size() > MEASURE_ONE_BY_ONE || store.rewritesImages()) {
        images.addAll(store.images());
      } else {
        touched.values().forEach(image -> store.current(image).ifPresent(images::add));
      }
      return store.contentBytes(images);
    } catch (StoreException e) {
      return -1;
    }
  }
}
