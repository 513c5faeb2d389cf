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
      Optional<Variant> now = current(store.images(), step);
      if (now.isEmpty()) {
        skipped.add(new RemovalPlan.Refusal(step.name(), step.variant(), "changed meanwhile: no longer present"));
      } else if (now.get().inUse() && !force) {
        skipped.add(new RemovalPlan.Refusal(step.name(), step.variant(), "became in use meanwhile"));
      } else {
        try {
          store.removeVariants(step.name(), List.of(step.variant()));
          removed.add(step);
        } catch (StoreException e) {
          skipped.add(new RemovalPlan.Refusal(step.name(), step.variant(), e.getMessage()));
        }
      }
    }
    long after = diskUsage(store.images());
    return new RemovalReport(removed, skipped, Math.max(0, before - after));
  }

  /** The variant as the store lists it now, if the image still holds it present under the same digest. */
  private static Optional<Variant> current(List<Image> images, RemovalPlan.Step step) {
    return images.stream().filter(image -> image.id().equals(step.image().id()))
        .flatMap(image -> image.present().stream())
        .filter(variant -> variant.digest().equals(step.variant().digest())).findFirst();
  }

  /** Disk usage of every distinct present variant (shared variants counted once). */
  static long diskUsage(List<Image> images) {
    return images.stream().flatMap(image -> image.present().stream()).distinct()
        .mapToLong(Variant::diskUsage).sum();
  }
}
