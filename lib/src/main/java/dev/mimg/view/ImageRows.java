package dev.mimg.view;

import dev.mimg.model.HumanSize;
import dev.mimg.model.Image;
import dev.mimg.model.Platform;
import dev.mimg.model.Reference;
import dev.mimg.model.RemoteSizes;
import dev.mimg.render.HumanDuration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows of the flat listing, one per name of an image (tag, else digest reference, else {@code <none>}),
 * with Docker's field names plus mimg's ({@code Platforms}, {@code PlatformCount}, {@code DiskUsage}...).
 * Every value is a string, as in Docker's {@code --format} rows.
 */
public final class ImageRows {

  /** The fields a {@code --format} template may use. */
  public static final Set<String> FIELDS = Set.of("Repository", "Tag", "Digest", "ID", "CreatedSince", "CreatedAt",
      "Platforms", "PlatformCount", "Present", "Total", "Shallow", "Size", "TotalSize", "DiskUsage", "Containers");

  /** Column headers of those fields. */
  public static final Map<String, String> HEADERS = Map.ofEntries(
      Map.entry("Repository", "REPOSITORY"), Map.entry("Tag", "TAG"), Map.entry("Digest", "DIGEST"),
      Map.entry("ID", "IMAGE ID"), Map.entry("CreatedSince", "CREATED"), Map.entry("CreatedAt", "CREATED AT"),
      Map.entry("Platforms", "PLATFORMS"), Map.entry("PlatformCount", "PLATFORMS"), Map.entry("Present", "PRESENT"),
      Map.entry("Total", "TOTAL"), Map.entry("Shallow", "SHALLOW"), Map.entry("Size", "SIZE"),
      Map.entry("TotalSize", "TOTAL SIZE"),
      Map.entry("DiskUsage", "DISK USAGE"), Map.entry("Containers", "CONTAINERS"));

  private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z z");
  private static final String NONE = "<none>";

  private ImageRows() {
  }

  /** One row per name of each image, ordered by repository then tag ({@code <none>} last). */
  public static List<Map<String, Object>> of(List<Image> images, Instant now, boolean noTrunc) {
    return of(images, now, noTrunc, RemoteSizes.NOT_ASKED);
  }

  /**
   * The rows with the registry's totals: Size as {@code present / total}, and a TotalSize field ({@code ?} when
   * unknown) when the registry was asked.
   */
  public static List<Map<String, Object>> of(List<Image> images, Instant now, boolean noTrunc, RemoteSizes remote) {
    return named(images).stream().map(named -> row(named.image(), named.name(), now, noTrunc, remote)).toList();
  }

  /** How an image is named in a listing: repository and tag, {@code <none>} where there is none. */
  public record Name(String repository, String tag) {
  }

  /** An image under one of its names: a row of the flat listing, a block of the tree. */
  public record Named(Image image, Name name) {
  }

  /** Listing order: tagged rows by repository then tag; then untagged (by digest) ones; dangling last. */
  public static final Comparator<Named> ORDER = Comparator
      .comparing((Named n) -> n.name().tag().equals(NONE))
      .thenComparing(n -> n.name().repository().equals(NONE))
      .thenComparing(n -> n.name().repository())
      .thenComparing(n -> n.name().tag())
      .thenComparing(n -> n.image().id().toString());

  /** Every (image, name) pair, in listing order. */
  public static List<Named> named(List<Image> images) {
    return images.stream().flatMap(image -> names(image).stream().map(name -> new Named(image, name)))
        .sorted(ORDER).toList();
  }

  /** The names of an image, one per listing row or tree block. */
  public static List<Name> names(Image image) {
    List<Name> names = new ArrayList<>();
    image.tags().forEach(tag -> names.add(new Name(tag.familiarName(), tag.tag().orElse(NONE))));
    if (names.isEmpty()) {
      image.digestRefs().forEach(ref -> names.add(new Name(ref.familiarName(), NONE)));
    }
    if (names.isEmpty()) {
      names.add(new Name(NONE, NONE));
    }
    return names;
  }

  /** The image id as Docker prints it: 12 hex digits, or the full digest with {@code --no-trunc}. */
  public static String id(Image image, boolean noTrunc) {
    return noTrunc ? image.id().toString() : image.shortId();
  }

  /** {@code present/total}, e.g. {@code 3/7}. */
  public static String count(Image image) {
    return image.present().size() + "/" + image.total();
  }

  /** The present platforms, formatted as the image declares them. */
  public static List<String> platforms(Image image) {
    return image.platforms().stream().map(Platform::toString).toList();
  }

  /** Docker's CREATED column text ("2 years ago"). */
  public static String createdSince(Image image, Instant now) {
    return image.created().getEpochSecond() <= 0 ? "N/A" : HumanDuration.since(image.created(), now);
  }

  private static Map<String, Object> row(Image image, Name name, Instant now, boolean noTrunc, RemoteSizes remote) {
    Map<String, Object> row = new TreeMap<>();  // sorted keys, as Go marshals {{json .}}
    row.put("Repository", name.repository());
    row.put("Tag", name.tag());
    row.put("Digest", digest(image, name.repository()));
    row.put("ID", id(image, noTrunc));
    row.put("CreatedSince", createdSince(image, now));
    row.put("CreatedAt", CREATED_AT.format(image.created().atZone(ZoneId.systemDefault())));
    row.put("Platforms", String.join(", ", platforms(image)));
    row.put("PlatformCount", count(image) + (image.isShallow() ? "" : " all"));
    row.put("Present", String.valueOf(image.present().size()));
    row.put("Total", String.valueOf(image.total()));
    row.put("Shallow", String.valueOf(image.isShallow()));
    row.put("Size", SizeText.image(image, remote));
    if (remote.asked()) {
      row.put("TotalSize", SizeText.total(image, remote));
    }
    row.put("DiskUsage", HumanSize.format(image.diskUsage()));
    row.put("Containers", String.valueOf(image.containers().size()));
    return row;
  }

  private static String digest(Image image, String repository) {
    return image.digestRefs().stream().filter(ref -> ref.familiarName().equals(repository))
        .flatMap(ref -> ref.digest().stream()).map(String::valueOf).findFirst().orElse(NONE);
  }
}
