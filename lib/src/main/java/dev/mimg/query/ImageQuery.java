package dev.mimg.query;

import dev.mimg.model.Image;
import dev.mimg.model.Platform;
import dev.mimg.model.Reference;
import dev.mimg.model.RemoteSizes;
import dev.mimg.model.Variant;
import dev.mimg.registry.RegistryClient;
import dev.mimg.store.ImageStore;
import dev.mimg.view.FlatView;
import dev.mimg.view.ImageRows;
import dev.mimg.view.JsonView;
import dev.mimg.view.ListingOptions;
import dev.mimg.view.TreeView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * An immutable, lazy query over the images of a store: each step returns a new query, a terminal
 * ({@link #list()}, {@link #count()}...) asks the store once. Platform steps also narrow which variants the
 * views show, while image-level figures ({@code 3/7}, sizes) stay those of the whole image.
 */
public final class ImageQuery implements Iterable<Image> {

  /** Image order: the listing order ({@link ImageRows#ORDER}) of each image's first name. */
  public static final Comparator<Image> ORDER =
      Comparator.comparing(image -> ImageRows.named(List.of(image)).get(0), ImageRows.ORDER);

  private final ImageStore store;
  private final QuerySteps steps;

  ImageQuery(ImageStore store) {
    this(store, QuerySteps.NONE);
  }

  private ImageQuery(ImageStore store, QuerySteps steps) {
    this.store = store;
    this.steps = steps;
  }

  /** Images with a name matching the glob (Docker's {@code reference} filter). */
  public ImageQuery reference(String glob) {
    ReferenceGlob pattern = ReferenceGlob.of(glob);
    return where(image -> names(image).anyMatch(pattern::matches));
  }

  /**
   * Images with one of these platforms present (strict matching); views show only those variants. Repeated
   * steps add platforms to the same any-of set, as Docker's repeated filters do.
   */
  public ImageQuery platform(String... specs) {
    if (specs.length == 0) {
      return this;
    }
    return new ImageQuery(store, steps.withPlatforms(Arrays.stream(specs).map(Platform::parse).toList()));
  }

  /** Images with a present variant of none of these platforms; those variants are the ones selected. */
  public ImageQuery notPlatform(String... specs) {
    List<Platform> unwanted = Arrays.stream(specs).map(Platform::parse).toList();
    return variantStep(v -> v.isPresent() && unwanted.stream().noneMatch(p -> v.platform().matches(p)));
  }

  /** Images with missing platform variants; those missing variants are the ones selected (e.g. to back-fill). */
  public ImageQuery missing() {
    return variantStep(v -> v.isImage() && !v.available());
  }

  /** Images some container uses. */
  public ImageQuery inUse() {
    return where(image -> !image.containers().isEmpty());
  }

  /** Images no container uses. */
  public ImageQuery unused() {
    return where(image -> image.containers().isEmpty());
  }

  /** Images created longer ago than {@code age}. */
  public ImageQuery olderThan(Duration age) {
    return where(image -> image.created().isBefore(Instant.now().minus(age)));
  }

  /** Images whose present content is larger than {@code bytes} (compressed, as SIZE shows it). */
  public ImageQuery largerThan(long bytes) {
    return where(image -> image.contentSize() > bytes);
  }

  /** The same images in another order (the default is repository, then tag). */
  public ImageQuery sortBy(Comparator<Image> comparator) {
    return new ImageQuery(store, steps.withOrder(comparator));
  }

  /** At most {@code n} images. */
  public ImageQuery limit(long n) {
    return new ImageQuery(store, steps.withLimit(n));
  }

  /**
   * The same query, but its mutations ({@link #remove()}, {@link #pull()}, {@link #backfill}) only report what
   * they would do and change nothing.
   */
  public ImageQuery dryRun() {
    return new ImageQuery(store, steps.asDryRun());
  }

  /** True when {@link #dryRun()} was asked for. */
  public boolean isDryRun() {
    return steps.dryRun();
  }

  /**
   * One element per variant from here on: the variants the variant steps select ({@link #platform},
   * {@link #notPlatform}, {@link #missing}), or without such a step every present platform variant.
   */
  public VariantQuery variants() {
    return new VariantQuery(this, hasVariantStep() ? shownVariants() : Variant::isPresent, iv -> true);
  }

  private ImageQuery variantStep(Predicate<Variant> step) {
    return new ImageQuery(store, steps.withVariantStep(step));
  }

  /** Images with some platforms missing (shallow pulls). */
  public ImageQuery shallow() {
    return where(Image::isShallow);
  }

  /** Images with every platform present. */
  public ImageQuery complete() {
    return where(image -> !image.isShallow());
  }

  /** Images that no tag and no digest reference names. */
  public ImageQuery dangling() {
    return where(Image::isDangling);
  }

  /** Images whose dangling state is {@code dangling}. */
  public ImageQuery dangling(boolean dangling) {
    return dangling ? dangling() : where(image -> !image.isDangling());
  }

  /** Images for which the predicate holds. */
  public ImageQuery where(Predicate<Image> predicate) {
    return withFilter(all -> predicate);
  }

  /**
   * The retention rule "keep the last {@code n} tags per repository": selects the tagged images none of whose
   * tags is among the {@code n} newest of its repository (newest by image creation time, ties by tag name).
   * Untagged images are not selected (see {@link #untagged()}).
   */
  public ImageQuery beyondLast(int n) {
    return withFilter(all -> RetentionRules.beyondLast(all, n));
  }

  /** Images with no tag (pulled by digest, or dangling). */
  public ImageQuery untagged() {
    return where(image -> image.tags().isEmpty());
  }

  /** Images none of whose names match the glob (a retention rule's exclude pattern). */
  public ImageQuery excludeReference(String glob) {
    ReferenceGlob pattern = ReferenceGlob.of(glob);
    return where(image -> names(image).noneMatch(pattern::matches));
  }

  private ImageQuery withFilter(Function<List<Image>, Predicate<Image>> filter) {
    return new ImageQuery(store, steps.withFilter(filter));
  }

  /** The matching images in listing order. */
  public List<Image> list() {
    return stream().toList();
  }

  /** The matching images in listing order (each iteration asks the store anew), so Groovy's {@code each} works. */
  @Override
  public java.util.Iterator<Image> iterator() {
    return list().iterator();
  }

  /** The matching images in listing order, as a stream. */
  public Stream<Image> stream() {
    return select(store.images());
  }

  /** How many images match. */
  public long count() {
    return stream().count();
  }

  /** Present content of the matching images (compressed bytes, each image counted once). */
  public long totalBytes() {
    return stream().mapToLong(Image::contentSize).sum();
  }

  /**
   * The registry's sizes of the matching images' missing variants (manifests only, no layer), so that
   * {@code remoteSizes().total(image)} is the image's size with every platform; failures are kept per image.
   * Sizes already known by manifest digest come from the user's cache ({@link ManifestSizeCache}).
   */
  public RemoteSizes remoteSizes() {
    return RemoteTotals.fetch(list(), RegistryClient.fromEnvironment()::manifest, ManifestSizeCache.user());
  }

  /** {@link #remoteSizes()} with the manifests {@code fetcher} gives. */
  public RemoteSizes remoteSizes(ManifestFetcher fetcher) {
    return RemoteTotals.fetch(list(), fetcher);
  }

  /** The first matching image, if any. */
  public Optional<Image> first() {
    return stream().findFirst();
  }

  private Stream<Image> select(List<Image> images) {
    Predicate<Image> all = steps.filters().stream().map(filter -> filter.apply(images))
        .reduce(image -> true, Predicate::and);
    if (hasVariantStep()) {
      Predicate<Variant> selected = selectedVariants(true);
      all = all.and(image -> image.variants().stream().anyMatch(selected));
    }
    return images.stream().filter(all).sorted(steps.order()).limit(steps.limit());
  }

  private boolean hasVariantStep() {
    return !steps.platforms().isEmpty() || !steps.variantSteps().isEmpty();
  }

  /**
   * The variants the variant steps select: those of the platforms asked for (present ones only when
   * {@code present}: an image is selected for a platform it holds) and those every other step accepts.
   */
  private Predicate<Variant> selectedVariants(boolean present) {
    Predicate<Variant> selected = steps.variantSteps().stream().reduce(variant -> true, Predicate::and);
    List<Platform> platforms = steps.platforms();
    if (!platforms.isEmpty()) {
      selected = selected.and(v -> (!present || v.isPresent())
          && platforms.stream().anyMatch(p -> v.platform().matches(p)));
    }
    return selected;
  }

  /** The flat listing as {@code mimg ls} prints it (Docker's columns plus PLATFORMS). */
  public String table() {
    return table(ListingOptions.defaults());
  }

  /** The flat listing with explicit options (format, counts, digests, width...). */
  public String table(ListingOptions options) {
    return FlatView.render(list(), options);
  }

  /** The tree as {@code mimg ls --tree} prints it: each image, then its present variants. */
  public String tree() {
    return tree(ListingOptions.defaults());
  }

  /** The tree with explicit options ({@code all} adds missing variants and attestations). */
  public String tree(ListingOptions options) {
    return TreeView.render(list(), shownVariants(), options);
  }

  /** The images and their shown variants as one JSON array ({@code mimg ls --tree --format json}). */
  public String json(boolean all) {
    return JsonView.render(list(), shownVariants(), all);
  }

  /** Prints the flat listing to standard output. */
  public void print() {
    System.out.print(table());
  }

  /**
   * What {@link #remove()} would do, changing nothing. With a variant step ({@link #platform},
   * {@link #notPlatform}, {@link #missing}; see also {@link #variants()}): the selected variants of each matching
   * image; without: the matching images whole. Variants or images in use, and variants other images also
   * reference, are kept (listed as refusals).
   */
  public RemovalPlan plan() {
    return plan(hasVariantStep() ? (image, variant) -> shownVariants().test(variant) : null);
  }

  /** The plan for the variants {@code which} accepts of each matching image, or whole images when it is null. */
  RemovalPlan plan(java.util.function.BiPredicate<Image, Variant> which) {
    List<Image> all = store.images();
    RemovalPlanner planner = new RemovalPlanner(all, store.containerNames(), false);
    return RemovalPlan.merge(select(all).map(image -> which == null
        ? planner.image(image, true, variant -> true)
        : planner.image(image, false, variant -> which.test(image, variant))).toList());
  }

  /**
   * Removes what {@link #plan()} names. With a variant step ({@link #platform}, {@link #notPlatform},
   * {@link #missing}, {@link #variants()}) it removes those variants only, and every image keeps its tags and
   * index; without one it removes the matching images whole. Variants and images in use, or shared with other
   * images, are skipped with the reason. Each step is re-checked right before it acts. Under {@link #dryRun()}
   * nothing changes and the report says what would have been removed.
   */
  public RemovalReport remove() {
    return remove(plan());
  }

  /**
   * Carries out a plan this store made (e.g. one printed first by a policy): each step is re-checked right before
   * it acts; under {@link #dryRun()} nothing changes.
   */
  public RemovalReport remove(RemovalPlan plan) {
    return isDryRun() ? RemovalReport.dryRun(plan) : Remover.execute(store, plan, false);
  }

  /**
   * Pulls each matching image again by its first tag: refreshes the platforms it has (the seed's "all arches I
   * already have"), or, with a platform step, those platforms; with {@link #missing()}, back-fills the missing
   * ones from the stored index. Returns one report per image.
   */
  public List<Puller.Report> pull() {
    Predicate<Variant> selected = shownVariants();
    return pullEach(image -> hasVariantStep()
        ? image.platformVariants().stream().filter(selected).map(Variant::platform).toList() : List.of());
  }

  /** Back-fills these platforms into each matching image from its stored index, without moving any tag. */
  public List<Puller.Report> backfill(String... platformSpecs) {
    List<Platform> wanted = Arrays.stream(platformSpecs).map(Platform::parse).toList();
    return pullEach(image -> wanted);
  }

  /** Pulls each matching tagged image by its first tag, for the platforms {@code platforms} gives it. */
  private List<Puller.Report> pullEach(Function<Image, List<Platform>> platforms) {
    Puller puller = new Puller(store, event -> { });
    return list().stream().filter(image -> !image.tags().isEmpty())
        .map(image -> isDryRun() ? Puller.wouldPull(image, platforms.apply(image))
            : puller.pull(image.tags().get(0), platforms.apply(image), false, false)).toList();
  }

  /** Which variants views show: those of the selected platforms, or all. */
  public Predicate<Variant> shownVariants() {
    return hasVariantStep() ? selectedVariants(false) : variant -> true;
  }

  /** The store this query reads. */
  public ImageStore store() {
    return store;
  }

  private static Stream<Reference> names(Image image) {
    return Stream.concat(image.tags().stream(), image.digestRefs().stream());
  }
}
