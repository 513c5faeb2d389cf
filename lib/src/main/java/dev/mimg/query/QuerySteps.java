package dev.mimg.query;

import dev.mimg.model.Image;
import dev.mimg.model.Platform;
import dev.mimg.model.Variant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The steps of an {@link ImageQuery}, as an immutable value: image filters (each sees the store's whole listing
 * first, since a retention rule ranks an image among others), platforms, variant steps, order, limit, dry run.
 */
record QuerySteps(
    List<Function<List<Image>, Predicate<Image>>> filters,
    List<Platform> platforms,
    List<Predicate<Variant>> variantSteps,
    Comparator<Image> order,
    long limit,
    boolean dryRun) {

  /** No step yet: every image, in listing order. */
  static final QuerySteps NONE = new QuerySteps(List.of(), List.of(), List.of(), ImageQuery.ORDER, Long.MAX_VALUE, false);

  QuerySteps withFilter(Function<List<Image>, Predicate<Image>> filter) {
    return new QuerySteps(plus(filters, filter), platforms, variantSteps, order, limit, dryRun);
  }

  QuerySteps withPlatforms(List<Platform> more) {
    List<Platform> all = new ArrayList<>(platforms);
    all.addAll(more);
    return new QuerySteps(filters, List.copyOf(all), variantSteps, order, limit, dryRun);
  }

  QuerySteps withVariantStep(Predicate<Variant> step) {
    return new QuerySteps(filters, platforms, plus(variantSteps, step), order, limit, dryRun);
  }

  QuerySteps withOrder(Comparator<Image> comparator) {
    return new QuerySteps(filters, platforms, variantSteps, comparator, limit, dryRun);
  }

  QuerySteps withLimit(long n) {
    return new QuerySteps(filters, platforms, variantSteps, order, n, dryRun);
  }

  QuerySteps asDryRun() {
    return new QuerySteps(filters, platforms, variantSteps, order, limit, true);
  }

  private static <T> List<T> plus(List<T> list, T element) {
    List<T> more = new ArrayList<>(list);
    more.add(element);
    return List.copyOf(more);
  }
}
