package dev.mimg.model;

import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * Which parts of the listed images a view shows: the names (rows of the flat listing, blocks of the tree) and the
 * variants (children in the tree). A query's name and platform steps narrow them; image figures stay whole.
 */
public record Selection(Predicate<ImageName> names, BiPredicate<Image, Variant> variants) {

  /** Every name and every variant. */
  public static final Selection ALL = new Selection(name -> true, (image, variant) -> true);
}
