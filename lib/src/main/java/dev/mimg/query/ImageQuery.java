package dev.mimg.query;

import dev.mimg.model.DiskUse;
import dev.mimg.model.Image;
import dev.mimg.model.ImageName;
import dev.mimg.model.Platform;
import dev.mimg.model.RemoteSizes;
import dev.mimg.model.Selection;
import dev.mimg.model.Variant;
import dev.mimg.store.ImageStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * An immutable, lazy query over the images of a store: each step returns a new query, a terminal ({@link #list()},
 * {@link #count()}, {@link #remove()}...) asks the store anew. Name and platform steps also narrow which names and
 * variants a listing shows ({@link #selection()}), while image figures ({@code 3/7}, sizes) stay whole.
 *
 * <p>Removals follow one rule: with a variant step ({@link #platform}, {@link #notPlatform}, {@link #missing},
 * {@link #variants()}) they remove those variants; otherwise whole images, and an image selected through some of its
 * names ({@link #reference}, {@link #named}) loses only those names while another name still holds it.
 */
public final class ImageQuery implements Iterable<Image>, Removable {

  private final ImageStore store;
  private final QuerySteps steps;

  ImageQuery(ImageStore store) {
    this(store, QuerySteps.NONE);
  }

  private ImageQuery(ImageStore store, QuerySteps steps) {
    this.store = store;
    this.steps = steps;
  }

  private ImageQuery with(QuerySteps next) {
    return new ImageQuery(store, next);
  }

  /**
   * Images with a name matching one of the globs (Docker's {@code reference} filter; repeated steps are any-of);
   * only those names are selected: listings show them, removals untag them.
   */
  public ImageQuery reference(String... globs) {
    return with(steps.withNames(Arrays.stream(globs).map(ReferenceGlob::of).toList()));
  }

  /** Images none of whose names match the glob (a retention rule's exclude pattern: such images are kept). */
  public ImageQuery excludeReference(String glob) {
    ReferenceGlob pattern = ReferenceGlob.of(glob);
    return where(image -> image.names().stream().noneMatch(pattern::matches));
  }

  /**
   * The image one name names, as a user types it ({@code alpine:3.16}, an image id or a variant id), selected
   * under that name only: its other names count as other images that would lose a variant. Planning fails when
   * nothing has that name, and a platform step must name platforms it holds (with {@link #force()}: a notice).
   */
  public ImageQuery named(String name) {
    return with(steps.withNamed(name));
  }

  /**
   * Images with one of these platforms present (strict matching); those variants are the selected ones. Repeated
   * steps add platforms to the same any-of set, as Docker's repeated filters do.
   */
  public ImageQuery platform(String... specs) {
    return specs.length == 0 ? this : with(steps.withPlatforms(Platforms.filter(specs)));
  }

  /**
   * A keep-set: images with a present variant outside these platforms; those variants are the selected ones. An
   * image that holds none of the kept platforms is left whole (a keep-set never empties an image). A platform
   * containerd does not know is an error: a typo here would remove what was meant to be kept.
   */
  public ImageQuery notPlatform(String... specs) {
    return with(steps.withKeep(Platforms.keep(specs)));
  }

  /** Images with missing platform variants; those missing variants are the selected ones (e.g. to back-fill). */
  public ImageQuery missing() {
    return with(steps.withVariantStep((image, v) -> v.isImage() && !v.available()));
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
    return createdBefore(Instant.now().minus(age));
  }

  /** Images created before {@code instant} (Docker's {@code until} filter). */
  public ImageQuery createdBefore(Instant instant) {
    return where(image -> image.created().isBefore(instant));
  }

  /** Images labelled {@code key} (any value when {@code value} is null), as Docker's {@code label} filter. */
  public ImageQuery label(String key, String value) {
    return where(image -> image.labels().containsKey(key) && (value == null || value.equals(image.labels().get(key))));
  }

  /** Images whose present content is larger than {@code bytes} (compressed, as SIZE shows it). */
  public ImageQuery largerThan(long bytes) {
    return where(image -> image.contentSize() > bytes);
  }

  /** Images with some platforms missing (shallow pulls). */
  public ImageQuery shallow() {
    return where(Image::isShallow);
  }

  /** Images with every platform present. */
  public ImageQuery complete() {
    return where(image -> !image.isShallow());
  }

  /** Images the store holds no name for. */
  public ImageQuery dangling() {
    return where(Image::isDangling);
  }

  /** Images whose dangling state is {@code dangling}. */
  public ImageQuery dangling(boolean dangling) {
    return dangling ? dangling() : where(image -> !image.isDangling());
  }

  /** Images with no tag (pulled by digest, or dangling). */
  public ImageQuery untagged() {
    return where(image -> image.tags().isEmpty());
  }

  /**
   * The retention rule "keep the last {@code n} tags per repository": selects the tagged images none of whose
   * tags is among the {@code n} newest of its repository (newest by image creation time; among equal times, the
   * later tag name).
   */
  public ImageQuery beyondLast(int n) {
    return with(steps.withFilter(all -> RetentionRules.beyondLast(all, n)));
  }

  /** Images for which the predicate holds. */
  public ImageQuery where(Predicate<Image> predicate) {
    return with(steps.withFilter(all -> predicate));
  }

  /** The same images in another order (the default is the listing's: repository, then tag). */
  public ImageQuery sortBy(Comparator<Image> comparator) {
    return with(steps.withOrder(comparator));
  }

  /** At most {@code n} images. */
  public ImageQuery limit(long n) {
    return with(steps.withLimit(n));
  }

  /** The same query whose mutations only report what they would do: the store is seen read-only. */
  public ImageQuery dryRun() {
    return isDryRun() ? this : new ImageQuery(Stores.readOnly(store), steps);
  }

  /** The same steps over another store (a fleet's member: each member is planned on its own). */
  ImageQuery on(ImageStore other) {
    return new ImageQuery(other, steps);
  }

  /**
   * The same query whose removals also take what a container uses, what other images share and the content other
   * names still hold (as {@code --force} does).
   */
  public ImageQuery force() {
    return with(steps.forced());
  }

  /** True for a query made with {@link #dryRun()}. */
  public boolean isDryRun() {
    return store.isReadOnly();
  }

  /**
   * One element per variant from here on: the variants the variant steps select, or without such a step every
   * present platform variant.
   */
  public VariantQuery variants() {
    return new VariantQuery(this);
  }

  /** The matching images in listing order. */
  public List<Image> list() {
    return stream().toList();
  }

  /** The matching images in listing order (each iteration asks the store anew), so Groovy's {@code each} works. */
  @Override
  public Iterator<Image> iterator() {
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

  /** The first matching image, if any. */
  public Optional<Image> first() {
    return stream().findFirst();
  }

  /**
   * The matching images with the names and variants the steps select, as a listing shows them;
   * {@code listing().withRemoteSizes()} adds the registry's sizes of their missing variants.
   */
  public Listing listing() {
    return new Listing(list(), selection(), RemoteSizes.NOT_ASKED);
  }

  /** Which names and variants of the matching images the steps select (what listings show). */
  Selection selection() {
    return new Selection(steps.selectedNames(), shownVariants());
  }

  /** Disk use of the matching images by platform: see {@link #diskUse(DiskUse.By)}. */
  public DiskUse diskUse() {
    return diskUse(DiskUse.By.PLATFORM);
  }

  /**
   * Disk use of the matching images and the variants the steps select, one row per platform, repository or image,
   * each part of content counted once and what is shared with the rest of the store said.
   */
  public DiskUse diskUse(DiskUse.By by) {
    return diskUse(by, false);
  }

  /** {@link #diskUse(DiskUse.By)} with the registry's sizes of the missing variants: what completing would cost. */
  public DiskUse diskUseWithRemoteSizes(DiskUse.By by) {
    return diskUse(by, true);
  }

  private DiskUse diskUse(DiskUse.By by, boolean remote) {
    List<DiskUse> perStore = new ArrayList<>();
    for (List<Image> all : byStore(store.images())) {
      Listing listing = new Listing(select(all).toList(), selection(), RemoteSizes.NOT_ASKED);
      DiskUse use = DiskUseAccount.count(store, all, remote ? listing.withRemoteSizes() : listing, by);
      String label = all.isEmpty() ? null : all.get(0).store();
      perStore.add(label == null ? use : use.withStore(label));
    }
    return perStore.size() == 1 ? perStore.get(0) : DiskUse.ofStores(by, perStore);
  }

  /**
   * The images grouped by the fleet store they live in, in store order (one group outside a fleet; none when there
   * are no images in a fleet): every step sees one store's images only, as retention rules count per store.
   */
  private static List<List<Image>> byStore(List<Image> images) {
    if (images.isEmpty() || images.get(0).store() == null && images.stream().allMatch(i -> i.store() == null)) {
      return List.of(images);
    }
    java.util.Map<String, List<Image>> groups = new java.util.TreeMap<>(Image.STORE_ORDER);
    images.forEach(image -> groups.computeIfAbsent(image.store(), s -> new ArrayList<>()).add(image));
    return List.copyOf(groups.values());
  }

  /**
   * The removal this query describes (see the class doc for what it acts on), to plan first and carry out later,
   * and to combine with others.
   */
  @Override
  public Removal removal() {
    return new Removal(this);
  }

  /**
   * Pulls each matching tagged image again: refreshes the platforms it has (the seed's "all arches I already
   * have"), or, with a platform step, those platforms; with {@link #missing()}, back-fills the missing ones from
   * the stored index without moving the tag. Returns one report per image.
   */
  public List<PullReport> pull() {
    BiPredicate<Image, Variant> selected = shownVariants();
    return Pulls.each(this, image -> steps.selectsVariants()
        ? image.platformVariants().stream().filter(v -> selected.test(image, v)).map(Variant::platform).toList()
        : List.of());
  }

  /**
   * A pull of {@code reference} into this query's store, to shape with platforms, {@code allPlatforms()} or
   * {@code resolve()} and carry out with {@code run()}: not stored, it is pulled; stored, missing platforms are
   * back-filled from the stored index without moving the tag.
   */
  public Pull pull(String reference) {
    return new Pull(this, dev.mimg.model.Reference.parse(reference));
  }

  /**
   * A copy of the image {@code reference} names in this query's store to {@code destination} ({@code oci:DIR} or
   * {@code registry:HOST[/PREFIX]}), to shape with {@code as}, platforms, {@code allPlatforms()} or
   * {@code dryRun()} and carry out with {@code run()}.
   */
  public Copy copy(String reference, String destination) {
    return new Copy(this, reference, destination);
  }

  /** Back-fills these platforms into each matching image from its stored index, without moving any tag. */
  public List<PullReport> backfill(String... platformSpecs) {
    List<Platform> wanted = Platforms.filter(platformSpecs);
    return Pulls.each(this, image -> wanted);
  }

  /** The store this query reads. */
  public ImageStore store() {
    return store;
  }

  QuerySteps steps() {
    return steps;
  }

  /** The matching images of a listing, store by store in a fleet; at most the limit in all. */
  Stream<Image> select(List<Image> images) {
    List<List<Image>> groups = byStore(images);
    List<Image> selected = groups.size() == 1 ? selectOne(groups.get(0)) : new ArrayList<>();
    if (groups.size() > 1) {
      groups.forEach(group -> selected.addAll(selectOne(group)));
    }
    return selected.size() > steps.limit() ? selected.subList(0, (int) steps.limit()).stream() : selected.stream();
  }

  /** The matching images of one store's listing, in order. */
  private List<Image> selectOne(List<Image> images) {
    List<Predicate<Image>> filters = new ArrayList<>();
    for (Function<List<Image>, Predicate<Image>> filter : steps.filters()) {
      filters.add(filter.apply(images));
    }
    Predicate<ImageName> names = steps.names().isEmpty() ? null : steps.selectedNames();
    BiPredicate<Image, Variant> variants = steps.selectsVariants() ? steps.selectedVariants(true) : null;
    List<Image> selected = new ArrayList<>();
    for (Image image : images) {
      if (accepts(image, filters, names, variants)) {
        selected.add(image);
      }
    }
    selected.sort(steps.order());
    return selected;
  }

  private static boolean accepts(Image image, List<Predicate<Image>> filters, Predicate<ImageName> names,
      BiPredicate<Image, Variant> variants) {
    for (Predicate<Image> filter : filters) {
      if (!filter.test(image)) {
        return false;
      }
    }
    boolean named = names == null;
    for (int i = 0; !named && i < image.names().size(); i++) {
      named = names.test(image.names().get(i));
    }
    boolean varied = variants == null;
    for (int i = 0; !varied && i < image.variants().size(); i++) {
      varied = variants.test(image, image.variants().get(i));
    }
    return named && varied;
  }

  /** Which variants views show: those the variant steps select, or all. */
  BiPredicate<Image, Variant> shownVariants() {
    return steps.selectsVariants() ? steps.selectedVariants(false) : (image, variant) -> true;
  }

  /** The same query with one more variant step (what {@link VariantQuery} builds on). */
  ImageQuery withVariantStep(BiPredicate<Image, Variant> step) {
    return with(steps.withVariantStep(step));
  }
}
