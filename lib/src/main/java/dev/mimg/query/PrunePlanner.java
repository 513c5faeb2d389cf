package dev.mimg.query;

import dev.mimg.model.Image;
import dev.mimg.model.Platform;
import dev.mimg.model.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Plans a prune. Whole images: dangling ones (Docker's default), or with {@code all} every image no container
 * uses. With {@code platforms}: the variants of the remaining images that no container uses and that are not in
 * the keep-set (strict matching). Only images the filter accepts are touched.
 */
public final class PrunePlanner {

  private PrunePlanner() {
  }

  /** The plan for the images of a store. */
  public static RemovalPlan plan(List<Image> images, boolean all, boolean platforms, List<Platform> keep,
      Predicate<Image> filter) {
    List<RemovalPlan.Step> steps = new ArrayList<>();
    List<Image> kept = new ArrayList<>();
    for (Image image : images) {
      if (!filter.test(image)) {
        continue;
      }
      if ((all || image.isDangling()) && image.containers().isEmpty()) {
        steps.add(new RemovalPlan.Step(image, RemovalPlanner.names(image).get(0), null, List.of()));
      } else {
        kept.add(image);
      }
    }
    if (platforms) {
      for (Image image : kept) {
        for (Variant variant : image.present()) {
          if (!variant.inUse() && keep.stream().noneMatch(k -> variant.platform().matches(k))) {
            steps.add(new RemovalPlan.Step(image, RemovalPlanner.names(image).get(0), variant,
                sharedWith(images, image, variant)));
          }
        }
      }
    }
    return new RemovalPlan(dedupe(steps), List.of(), List.of());
  }

  /** Other images holding the same variant (they lose it too: prune treats them alike). */
  private static List<String> sharedWith(List<Image> images, Image owner, Variant variant) {
    return images.stream().filter(other -> other != owner)
        .filter(other -> other.present().stream().anyMatch(v -> v.digest().equals(variant.digest())))
        .flatMap(other -> RemovalPlanner.names(other).stream()).toList();
  }

  /** One step per variant digest: a variant several images share is removed once. */
  private static List<RemovalPlan.Step> dedupe(List<RemovalPlan.Step> steps) {
    List<RemovalPlan.Step> unique = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (RemovalPlan.Step step : steps) {
      String key = step.wholeImage() ? "image:" + step.image().id() : "variant:" + step.variant().digest();
      if (!seen.contains(key)) {
        seen.add(key);
        unique.add(step);
      }
    }
    return unique;
  }
}
