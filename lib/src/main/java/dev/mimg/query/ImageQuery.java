package dev.mimg.query;

import dev.mimg.model.Image;
import dev.mimg.model.Platform;
import dev.mimg.model.Reference;
import dev.mimg.model.Variant;
import dev.mimg.store.ImageStore;
import dev.mimg.view.FlatView;
import dev.mimg.view.ImageRows;
import dev.mimg.view.JsonView;
import dev.mimg.view.ListingOptions;
import dev.mimg.view.TreeView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * An immutable, lazy query over the images of a store: each step returns a new query, a terminal
 * ({@link #list()}, {@link #count()}...) asks the store once. Platform steps also narrow which variants the
 * views show, while image-level figures ({@code 3/7}, sizes) stay those of the whole image.
 */
public final class ImageQuery {

  /** Image order: the listing order ({@link ImageRows#ORDER}) of each image's first name. */
  public static final Comparator<Image> ORDER =
      Comparator.comparing(image -> ImageRows.named(List.of(image)).get(0), ImageRows.ORDER);

  private final ImageStore store;
  private final List<Predicate<Image>> filters;
  private final List<Platform> platforms;

  ImageQuery(ImageStore store) {
    this(store, List.of(), List.of());
  }

  private ImageQuery(ImageStore store, List<Predicate<Image>> filters, List<Platform> platforms) {
    this.store = store;
    this.filters = filters;
    this.platforms = platforms;
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
    List<Platform> wanted = new ArrayList<>(platforms);
    Arrays.stream(specs).map(Platform::parse).forEach(wanted::add);
    return new ImageQuery(store, filters, List.copyOf(wanted));
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
    List<Predicate<Image>> more = new ArrayList<>(filters);
    more.add(predicate);
    return new ImageQuery(store, List.copyOf(more), platforms);
  }

  /** The matching images in listing order. */
  public List<Image> list() {
    return stream().toList();
  }

  /** The matching images in listing order, as a stream. */
  public Stream<Image> stream() {
    return store.images().stream().filter(selection()).sorted(ORDER);
  }

  private Predicate<Image> selection() {
    Predicate<Image> all = filters.stream().reduce(image -> true, Predicate::and);
    if (!platforms.isEmpty()) {
      all = all.and(image -> platforms.stream().anyMatch(image::has));
    }
    return all;
  }

  /** How many images match. */
  public int count() {
    return (int) stream().count();
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
   * What {@link #remove()} would do, changing nothing. With a platform step: the selected platforms of each
   * matching image; without: the matching images whole. Variants or images in use, and variants other images
   * also reference, are kept (listed as refusals).
   */
  public RemovalPlan plan() {
    List<Image> all = store.images();
    RemovalPlanner planner = new RemovalPlanner(all, store.containerNames(), false);
    Predicate<Image> selected = selection();
    return RemovalPlan.merge(all.stream().filter(selected).sorted(ORDER)
        .map(image -> planner.image(image, platforms.isEmpty(), shownVariants())).toList());
  }

  /** Carries out {@link #plan()}: re-checks each step right before it and reports what was removed or skipped. */
  public RemovalReport remove() {
    return Remover.execute(store, plan(), false);
  }

  /**
   * Pulls each matching image again by its first tag: refreshes the platforms it has (the seed's "all arches I
   * already have"), or, with a platform step, those platforms. Returns one report per image.
   */
  public List<Puller.Report> pull() {
    Puller puller = new Puller(store, event -> { });
    return list().stream().filter(image -> !image.tags().isEmpty())
        .map(image -> puller.pull(image.tags().get(0), platforms, false, false)).toList();
  }

  /** Back-fills these platforms into each matching image from its stored index, without moving any tag. */
  public List<Puller.Report> backfill(String... platformSpecs) {
    List<Platform> wanted = Arrays.stream(platformSpecs).map(Platform::parse).toList();
    Puller puller = new Puller(store, event -> { });
    return list().stream().filter(image -> !image.tags().isEmpty())
        .map(image -> puller.pull(image.tags().get(0), wanted, false, false)).toList();
  }

  /** Which variants views show: those of the selected platforms, or all. */
  public Predicate<Variant> shownVariants() {
    if (platforms.isEmpty()) {
      return variant -> true;
    }
    return variant -> platforms.stream().anyMatch(p -> variant.platform().matches(p));
  }

  /** The store this query reads. */
  public ImageStore store() {
    return store;
  }

  private static Stream<Reference> names(Image image) {
    return Stream.concat(image.tags().stream(), image.digestRefs().stream());
  }
}
