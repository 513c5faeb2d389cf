package dev.mimg.query;

import dev.mimg.model.Image;
import dev.mimg.model.Variant;
import dev.mimg.store.ImageStore;
import dev.mimg.store.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Carries out a removal plan: re-checks each variant right before removing it (still present, same digest, not
 * newly in use) and skips what changed; reclaimed space is measured on the store before and after.
 */
public final class Remover {

  private Remover() {
  }

  /** Executes the plan on the store; {@code force} as given when planning. */
  public static RemovalReport execute(ImageStore store, RemovalPlan plan, boolean force) {
    long before = diskUsage(store.images());
    List<RemovalPlan.Step> removed = new ArrayList<>();
    List<RemovalPlan.Refusal> skipped = new ArrayList<>(plan.refusals());
    for (RemovalPlan.Step step : plan.steps()) {
      String problem = recheck(store.current(step.image()), step, force);
      if (problem != null) {
        skipped.add(RemovalPlan.Refusal.of(step, problem));
        continue;
      }
      try {
        if (step.wholeImage()) {
          store.removeImage(step.image());
        } else {
          store.removeVariants(step.name(), List.of(step.variant()));
        }
        removed.add(step);
      } catch (StoreException e) {
        skipped.add(RemovalPlan.Refusal.of(step, e.getMessage()));
      }
    }
    long after = diskUsage(store.images());
    return new RemovalReport(removed, skipped, Math.max(0, before - after));
  }

  /** Why the step must be skipped now (null: go ahead): gone, changed digest, or newly in use. */
  private static String recheck(Optional<Image> image, RemovalPlan.Step step, boolean force) {
    if (image.isEmpty()) {
      return "changed meanwhile: the image is gone or now has another digest";
    }
    if (step.wholeImage()) {
      return image.get().containers().isEmpty() || force ? null : "became in use meanwhile";
    }
    Optional<Variant> variant = image.get().present().stream()
        .filter(v -> v.digest().equals(step.variant().digest())).findFirst();
    if (variant.isEmpty()) {
      return "changed meanwhile: no longer present";
    }
    return variant.get().inUse() && !force ? "became in use meanwhile" : null;
  }

  /** Disk usage of every distinct present variant (shared variants counted once). */
  static long diskUsage(List<Image> images) {
    return images.stream().flatMap(image -> image.present().stream()).distinct()
        .mapToLong(Variant::diskUsage).sum();
  }
}
