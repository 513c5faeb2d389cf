package dev.mimg.query;

import dev.mimg.model.Image;
import dev.mimg.model.Platform;
import dev.mimg.model.Variant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
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
            List<String> names = RemovalPlanner.names(image);
            steps.add(new RemovalPlan.Step(image, names.get(0), variant,
                RemovalPlanner.holders(images, variant).stream().filter(n -> !names.contains(n)).toList()));
          }
        }
      }
    }
    return new RemovalPlan(dedupe(steps), List.of(), List.of());
  }

  /** One step per variant digest: a variant several images share is removed once. */
  private static List<RemovalPlan.Step> dedupe(List<RemovalPlan.Step> steps) {
    Map<String, RemovalPlan.Step> unique = new LinkedHashMap<>();
    for (RemovalPlan.Step step : steps) {
      unique.putIfAbsent(step.wholeImage() ? "image " + step.image().id() : "variant " + step.variant().digest(), step);
    }
    return List.copyOf(unique.values());
  }
}
