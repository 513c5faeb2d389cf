package dev.mimg.query;

import dev.mimg.model.HumanSize;
import dev.mimg.model.Platform;
import dev.mimg.model.Variant;
import dev.mimg.render.TabWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An {@link ImageQuery} switched to one element per variant ({@link ImageQuery#variants()}): immutable and lazy
 * like it; {@link #remove()} removes exactly the selected variants, never whole images.
 */
public final class VariantQuery implements Iterable<ImageVariant> {

  private static final Comparator<ImageVariant> ORDER = Comparator.comparing(ImageVariant::image, ImageQuery.ORDER);

  private final ImageQuery images;
  private final Predicate<Variant> selected;
  private final Predicate<ImageVariant> filter;
  private final Comparator<ImageVariant> order;
  private final long limit;

  VariantQuery(ImageQuery images, Predicate<Variant> selected, Predicate<ImageVariant> filter) {
    this(images, selected, filter, null, Long.MAX_VALUE);
  }

  private VariantQuery(ImageQuery images, Predicate<Variant> selected, Predicate<ImageVariant> filter,
      Comparator<ImageVariant> order, long limit) {
    this.images = images;
    this.selected = selected;
    this.filter = filter;
    this.order = order;
    this.limit = limit;
  }

  /** The variants for which the predicate holds. */
  public VariantQuery where(Predicate<ImageVariant> predicate) {
    return new VariantQuery(images, selected, filter.and(predicate), order, limit);
  }

  /** The variants of one of these platforms (strict matching). */
  public VariantQuery platform(String... specs) {
    List<Platform> wanted = Arrays.stream(specs).map(Platform::parse).toList();
    return where(iv -> wanted.stream().anyMatch(p -> iv.platform().matches(p)));
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

  /** The same variants in another order (the default: the images' listing order, then index order). */
  public VariantQuery sortBy(Comparator<ImageVariant> comparator) {
    return new VariantQuery(images, selected, filter, comparator, limit);
  }

  /** At most {@code n} variants. */
  public VariantQuery limit(long n) {
    return new VariantQuery(images, selected, filter, order, n);
  }

  /** The matching variants. */
  public List<ImageVariant> list() {
    return stream().toList();
  }

  /** The matching variants (each iteration asks the store anew). */
  @Override
  public java.util.Iterator<ImageVariant> iterator() {
    return list().iterator();
  }

  /** The matching variants, as a stream. */
  public Stream<ImageVariant> stream() {
    Stream<ImageVariant> all = images.stream().flatMap(image -> image.variants().stream()
        .filter(selected).map(variant -> new ImageVariant(image, variant))).filter(filter);
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

  /** The variants as a table: IMAGE, PLATFORM, VARIANT ID, SIZE, AVAILABLE, CONTAINERS. */
  public String table() {
    List<String> lines = new ArrayList<>();
    lines.add("IMAGE\tPLATFORM\tVARIANT ID\tSIZE\tAVAILABLE\tCONTAINERS");
    stream().forEach(iv -> lines.add(String.join("\t", iv.name(), iv.platform().toString(),
        iv.variant().shortId(), HumanSize.format(iv.contentSize()), iv.isPresent() ? "yes" : "no",
        String.valueOf(iv.containers().size()))));
    return TabWriter.format(lines);
  }

  /** Prints {@link #table()} to standard output. */
  public void print() {
    System.out.print(table());
  }

  /**
   * What {@link #remove()} would do, changing nothing: the matching present variants, each kept (as a refusal)
   * when a container uses it or another image also references it.
   */
  public RemovalPlan plan() {
    Set<String> chosen = stream().map(VariantQuery::key).collect(Collectors.toSet());
    return images.plan((image, variant) -> chosen.contains(key(new ImageVariant(image, variant))));
  }

  /**
   * Removes the matching variants from their images (tags and indexes stay), re-checking each right before it
   * acts; honours {@link ImageQuery#dryRun()}. Returns what was removed, skipped and why, and the space reclaimed.
   */
  public RemovalReport remove() {
    return images.remove(plan());
  }

  private static String key(ImageVariant iv) {
    return iv.image().id() + "/" + iv.digest();
  }

  /** The image query this variant query came from. */
  public ImageQuery images() {
    return images;
  }
}
