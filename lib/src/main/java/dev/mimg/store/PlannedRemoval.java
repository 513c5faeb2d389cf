package dev.mimg.store;

import dev.mimg.model.Image;
import dev.mimg.model.Variant;
import java.util.List;

/** What a plan removes from one image as a store sees it: some variants, or all of it ({@code variants} empty). */
public record PlannedRemoval(Image image, List<Variant> variants) {

  /** Defensive copy. */
  public PlannedRemoval {
    variants = List.copyOf(variants);
  }

  /** True when the whole image goes. */
  public boolean wholeImage() {
    return variants.isEmpty();
  }
}
