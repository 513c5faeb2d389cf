package dev.mimg.query;

import dev.mimg.model.Image;
import dev.mimg.model.ImageName;
import dev.mimg.model.Platform;
import dev.mimg.model.Variant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The steps of a query, as one immutable value: image filters (each sees the store's whole listing first, since a
 * retention rule ranks an image among others), name patterns and platforms (each an any-of set, as Docker's
 * repeated filters), variant steps, a keep-set, the one name the user gave, order, limit and force.
 */
record QuerySteps(
    List<Function<List<Image>, Predicate<Image>>> filters,
    List<ReferenceGlob> names,
    List<Platform> platforms,
    List<BiPredicate<Image, Variant>> variantSteps,
    List<Platform> keep,
    String named,
    Comparator<Image> order,
    long limit,
    boolean force) {

  /** No step yet: every image, in listing order. */
  static final QuerySteps NONE = new QuerySteps(List.of(), List.of(), List.of(), List.of(), List.of(), null,
      Image.LISTING_ORDER, Long.MAX_VALUE, false);

  QuerySteps withFilter(Function<List<Image>, Predicate<Image>> filter) {
    return new QuerySteps(plus(filters, List.of(filter)), names, platforms, variantSteps, keep, named, order, limit,
        force);
  }

  QuerySteps withNames(List<ReferenceGlob> more) {
    return new QuerySteps(filters, plus(names, more), platforms, variantSteps, keep, named, order, limit, force);
  }

  QuerySteps withPlatforms(List<Platform> more) {
    return new QuerySteps(filters, names, plus(platforms, more), variantSteps, keep, named, order, limit, force);
  }

  QuerySteps withVariantStep(BiPredicate<Image, Variant> step) {
    return new QuerySteps(filters, names, platforms, plus(variantSteps, List.of(step)), keep, named, order, limit,
        force);
  }

  QuerySteps withKeep(List<Platform> more) {
    return new QuerySteps(filters, names, platforms, variantSteps, plus(keep, more), named, order, limit, force);
  }

  QuerySteps withNamed(String name) {
    return new QuerySteps(filters, names, platforms, variantSteps, keep, name, order, limit, force);
  }

  QuerySteps withOrder(Comparator<Image> comparator) {
    return new QuerySteps(filters, names, platforms, variantSteps, keep, named, comparator, limit, force);
  }

  QuerySteps withLimit(long n) {
    return new QuerySteps(filters, names, platforms, variantSteps, keep, named, order, n, force);
  }

  QuerySteps forced() {
    return new QuerySteps(filters, names, platforms, variantSteps, keep, named, order, limit, true);
  }

  /** True when a step selects variants (platforms, a keep-set, missing...): removals then act on variants. */
  boolean selectsVariants() {
    return !platforms.isEmpty() || !variantSteps.isEmpty() || !keep.isEmpty();
  }

  /** True when a step selects names: removals then untag the others' names only. */
  boolean selectsNames() {
    return !names.isEmpty() || named != null;
  }

  /** The names the name steps select (every name without such a step). */
  Predicate<ImageName> selectedNames() {
    return name -> {
      for (ReferenceGlob glob : names) {
        if (glob.matches(name)) {
          return true;
        }
      }
      return names.isEmpty();
    };
  }

  /**
   * The variants the variant steps select: those of the platforms asked for (present ones only when
   * {@code present}: an image is selected for a platform it holds), present ones outside the keep-set, and those
   * every other step accepts. Without a variant step: every variant.
   */
  BiPredicate<Image, Variant> selectedVariants(boolean present) {
    BiPredicate<Image, Variant> selected = variantSteps.stream().reduce((image, variant) -> true, BiPredicate::and);
    if (!platforms.isEmpty()) {
      selected = selected.and((image, v) -> (!present || v.isPresent())
          && platforms.stream().anyMatch(p -> v.platform().matches(p)));
    }
    if (!keep.isEmpty()) {
      selected = selected.and((image, v) -> v.isPresent() && keep.stream().noneMatch(k -> v.platform().matches(k)));
    }
    return selected;
  }

  private static <T> List<T> plus(List<T> list, List<T> more) {
    List<T> all = new ArrayList<>(list);
    all.addAll(more);
    return List.copyOf(all);
  }
}
