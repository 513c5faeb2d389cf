package dev.mimg.query;

import dev.mimg.model.DiskUse;
import dev.mimg.model.Image;
import dev.mimg.model.ImageVariant;
import dev.mimg.model.Variant;
import java.time.Duration;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An {@link ImageQuery} switched to one element per variant ({@link ImageQuery#variants()}): its steps are the
 * image query's own variant steps (so the two agree on platforms, keep-sets, missing variants and dry runs), plus
 * an order and a limit of the elements. {@link #remove()} removes exactly the selected variants, never whole images.
 */
public final class VariantQuery implements Iterable<ImageVariant>, Removable {

  private final ImageQuery images;
  private final boolean presentOnly;
  private final Comparator<ImageVariant> order;
  private final long limit;

  /**
   * The present platform variants of the query's images, or, with a variant step, the variants it selects; a later
   * {@link #missing()} selects the missing ones instead of the present ones.
   */
  VariantQuery(ImageQuery images) {
    this(images, !images.steps().selectsVariants(), null, Long.MAX_VALUE);
  }

  private VariantQuery(ImageQuery images, boolean presentOnly, Comparator<ImageVariant> order, long limit) {
    this.images = images;
    this.presentOnly = presentOnly;
    this.order = order;
    this.limit = limit;
  }

  private VariantQuery with(ImageQuery next) {
    return new VariantQuery(next, presentOnly, order, limit);
  }

  /** The variants for which the predicate holds. */
  public VariantQuery where(Predicate<ImageVariant> predicate) {
    return with(images.withVariantStep((image, variant) -> predicate.test(new ImageVariant(image, variant))));
  }

  /** The variants of one of these platforms (strict matching), as {@link ImageQuery#platform}. */
  public VariantQuery platform(String... specs) {
    return with(images.platform(specs));
  }

  /** The present variants outside this keep-set, as {@link ImageQuery#notPlatform} (never an image's last one). */
  public VariantQuery notPlatform(String... specs) {
    return with(images.notPlatform(specs));
  }

  /** The missing platform variants, as {@link ImageQuery#missing()}. */
  public VariantQuery missing() {
    return new VariantQuery(images.missing(), false, order, limit);
  }

  /** The variants no container uses. */
  public VariantQuery unused() {
    return where(iv -> !iv.inUse());
  }

  /** The variants some container uses. */
  public VariantQuery inUse() {
    return where(ImageVariant::inUse);
  }

  /** Variants whose content is larger than {@code bytes} (compressed). */
  public VariantQuery largerThan(long bytes) {
    return where(iv -> iv.contentSize() > bytes);
  }

  /** Variants of images created longer ago than {@code age}. */
  public VariantQuery olderThan(Duration age) {
    return with(images.olderThan(age));
  }

  /** The same variants in another order (the default: the images' listing order, then index order). */
  public VariantQuery sortBy(Comparator<ImageVariant> comparator) {
    return new VariantQuery(images, presentOnly, comparator, limit);
  }

  /** At most {@code n} variants. */
  public VariantQuery limit(long n) {
    return new VariantQuery(images, presentOnly, order, n);
  }

  /** The same query whose removals only report what they would do, as {@link ImageQuery#dryRun()}. */
  public VariantQuery dryRun() {
    return with(images.dryRun());
  }

  /** The same query whose removals also take what containers use or other images share, as {@code --force}. */
  public VariantQuery force() {
    return with(images.force());
  }

  /** True for a query made with {@link #dryRun()}. */
  public boolean isDryRun() {
    return images.isDryRun();
  }

  /** The matching variants. */
  public List<ImageVariant> list() {
    return stream().toList();
  }

  /** The matching variants (each iteration asks the store anew). */
  @Override
  public Iterator<ImageVariant> iterator() {
    return list().iterator();
  }

  /** The matching variants, as a stream. */
  public Stream<ImageVariant> stream() {
    ImageQuery images = images();
    BiPredicate<Image, Variant> selected = images.shownVariants();
    Stream<ImageVariant> all = images.stream().flatMap(image -> image.variants().stream()
        .filter(variant -> selected.test(image, variant)).map(variant -> new ImageVariant(image, variant)));
    return (order == null ? all : all.sorted(order)).limit(limit);
  }

  /** How many variants match. */
  public long count() {
    return stream().count();
  }

  /** Content of the matching variants, each distinct variant counted once (compressed bytes). */
  public long totalBytes() {
    return stream().map(ImageVariant::variant).distinct().mapToLong(Variant::contentSize).sum();
  }

  /** The first matching variant, if any. */
  public Optional<ImageVariant> first() {
    return stream().findFirst();
  }

  /**
   * The removal of exactly the matching variants (an order and a limit choose which), never whole images: tags
   * and indexes stay.
   */
  @Override
  public Removal removal() {
    return exactly().removal();
  }

  /** The disk use of exactly the matching variants, by platform, as {@code mimg df --platform ...}. */
  public DiskUse diskUse() {
    return diskUse(DiskUse.By.PLATFORM);
  }

  /** The disk use of exactly the matching variants, grouped {@code by}: each part counted once. */
  public DiskUse diskUse(DiskUse.By by) {
    return exactly().diskUse(by);
  }

  /** The image query whose variant steps select exactly these variants (an order and a limit included). */
  private ImageQuery exactly() {
    if (order == null && limit == Long.MAX_VALUE) {
      return images();
    }
    Set<String> chosen = stream().map(VariantQuery::key).collect(Collectors.toSet());
    return images().withVariantStep((image, variant) -> chosen.contains(key(new ImageVariant(image, variant))));
  }

  private static String key(ImageVariant iv) {
    return iv.image().id() + "/" + iv.digest();
  }

  /** The image query this variant query is built on, its variant steps included. */
  public ImageQuery images() {
    return presentOnly ? images.withVariantStep((image, v) -> v.isPresent()) : images;
  }
}
