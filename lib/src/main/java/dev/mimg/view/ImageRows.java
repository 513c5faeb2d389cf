package dev.mimg.view;

import dev.mimg.model.HumanSize;
import dev.mimg.model.Image;
import dev.mimg.model.ImageName;
import dev.mimg.model.Platform;
import dev.mimg.model.Reference;
import dev.mimg.model.RemoteSizes;
import dev.mimg.render.HumanDuration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The rows of the flat listing, one per listed name of an image (see {@link Image#listedNames()}, else
 * {@code <none>}),
 * with Docker's field names plus mimg's ({@code Platforms}, {@code PlatformCount}, {@code DiskUsage}...).
 * Every value is a string, as in Docker's {@code --format} rows.
 */
public final class ImageRows {

  /** The fields a {@code --format} template may use. */
  public static final Set<String> FIELDS = Set.of("Repository", "Tag", "Digest", "ID", "CreatedSince", "CreatedAt",
      "Platforms", "PlatformCount", "Present", "Total", "Shallow", "Size", "TotalSize", "DiskUsage", "Containers",
      "Store");

  /** Column headers of those fields. */
  public static final Map<String, String> HEADERS = Map.ofEntries(
      Map.entry("Repository", "REPOSITORY"), Map.entry("Tag", "TAG"), Map.entry("Digest", "DIGEST"),
      Map.entry("ID", "IMAGE ID"), Map.entry("CreatedSince", "CREATED"), Map.entry("CreatedAt", "CREATED AT"),
      Map.entry("Platforms", "PLATFORMS"), Map.entry("PlatformCount", "PLATFORMS"), Map.entry("Present", "PRESENT"),
      Map.entry("Total", "TOTAL"), Map.entry("Shallow", "SHALLOW"), Map.entry("Size", "SIZE"),
      Map.entry("TotalSize", "TOTAL SIZE"),
      Map.entry("DiskUsage", "DISK USAGE"), Map.entry("Containers", "CONTAINERS"), Map.entry("Store", "STORE"));

  /**
   * A row's fields, sorted as Go marshals {@code {{json .}}}: with TotalSize only when the registry was asked, with
   * Store only in a fleet.
   */
  private static final java.util.SortedSet<String> FLEET_WITH_TOTAL = new java.util.TreeSet<>(FIELDS);
  private static final java.util.SortedSet<String> FLEET_WITHOUT_TOTAL = without(FLEET_WITH_TOTAL, "TotalSize");
  private static final java.util.SortedSet<String> WITH_TOTAL = without(FLEET_WITH_TOTAL, "Store");
  private static final java.util.SortedSet<String> WITHOUT_TOTAL = without(WITH_TOTAL, "TotalSize");

  /** Docker's CreatedAt layout; made only when a template shows CreatedAt (time-zone data is costly to load). */
  private static final class CreatedAt {
    static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z z");
  }
  private static final String NONE = ImageName.NONE;

  private ImageRows() {
  }

  private static java.util.SortedSet<String> without(java.util.SortedSet<String> fields, String field) {
    java.util.SortedSet<String> fewer = new java.util.TreeSet<>(fields);
    fewer.remove(field);
    return fewer;
  }

  /** True when some image is labelled with a fleet store: listings show a STORE column and a Store field. */
  public static boolean spansStores(List<Image> images) {
    for (Image image : images) {
      if (image.store() != null) {
        return true;
      }
    }
    return false;
  }

  /** One row per listed name of each image, in listing order ({@code <none>} last). */
  public static List<Map<String, Object>> of(List<Image> images, Instant now, boolean noTrunc) {
    return of(images, name -> true, now, noTrunc, RemoteSizes.NOT_ASKED);
  }

  /**
   * The rows of the names {@code shown} accepts, with the registry's totals: Size as {@code present / total}, and
   * a TotalSize field ({@code ?} when unknown) when the registry was asked.
   */
  public static List<Map<String, Object>> of(List<Image> images, Predicate<ImageName> shown, Instant now,
      boolean noTrunc, RemoteSizes remote) {
    List<Map<String, Object>> rows = new ArrayList<>();
    boolean fleet = spansStores(images);
    for (Named named : named(images, shown)) {
      rows.add(row(named.image(), named.name(), now, noTrunc, remote, fleet));
    }
    return rows;
  }

  /** An image under one of its names: a row of the flat listing, a block of the tree. */
  public record Named(Image image, ImageName name) {
  }

  /** Listing order of rows: by fleet store, then name ({@link ImageName#LISTING_ORDER}), then by image id. */
  public static final Comparator<Named> ORDER = new Comparator<>() {
    @Override
    public int compare(Named a, Named b) {
      int byStore = Image.STORE_ORDER.compare(a.image().store(), b.image().store());
      if (byStore != 0) {
        return byStore;
      }
      int byName = ImageName.LISTING_ORDER.compare(a.name(), b.name());
      return byName != 0 ? byName : a.image().id().toString().compareTo(b.image().id().toString());
    }
  };

  /**
   * Every (image, name) pair to list, in listing order: each listed name {@code shown} accepts (else each of its
   * other names it accepts), and {@code <none>} for an image with no name.
   */
  public static List<Named> named(List<Image> images, Predicate<ImageName> shown) {
    List<Named> rows = new ArrayList<>();
    for (Image image : images) {
      List<ImageName> names = accepted(image.listedNames(), shown);
      if (names.isEmpty()) {
        names = accepted(image.names(), shown);
      }
      if (image.isDangling()) {
        names = List.of(ImageName.NO_NAME);
      }
      for (ImageName name : names) {
        rows.add(new Named(image, name));
      }
    }
    rows.sort(ORDER);
    return rows;
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
    List<String> platforms = new ArrayList<>();
    for (Platform platform : image.platforms()) {
      platforms.add(platform.toString());
    }
    return platforms;
  }

  /** Docker's CREATED column text ("2 years ago"). */
  public static String createdSince(Image image, Instant now) {
    return image.created().getEpochSecond() <= 0 ? "N/A" : HumanDuration.since(image.created(), now);
  }

  private static Map<String, Object> row(Image image, ImageName name, Instant now, boolean noTrunc,
      RemoteSizes remote, boolean fleet) {
    java.util.SortedSet<String> fields = fleet ? (remote.asked() ? FLEET_WITH_TOTAL : FLEET_WITHOUT_TOTAL)
        : remote.asked() ? WITH_TOTAL : WITHOUT_TOTAL;
    return new LazyRow(fields, field -> switch (field) {
      case "Repository" -> name.repository();
      case "Tag" -> name.tag();
      case "Digest" -> digest(image, name.repository());
      case "ID" -> id(image, noTrunc);
      case "CreatedSince" -> createdSince(image, now);
      case "CreatedAt" -> CreatedAt.FORMAT.format(image.created().atZone(ZoneId.systemDefault()));
      case "Platforms" -> String.join(", ", platforms(image));
      case "PlatformCount" -> count(image) + (image.isShallow() ? "" : " all");
      case "Present" -> String.valueOf(image.present().size());
      case "Total" -> String.valueOf(image.total());
      case "Shallow" -> String.valueOf(image.isShallow());
      case "Size" -> SizeText.image(image, remote);
      case "TotalSize" -> SizeText.total(image, remote);
      case "DiskUsage" -> HumanSize.format(image.diskUsage());
      case "Containers" -> String.valueOf(image.containers().size());
      case "Store" -> image.store() == null ? "" : image.store();
      default -> null;
    });
  }

  private static List<ImageName> accepted(List<ImageName> names, Predicate<ImageName> shown) {
    List<ImageName> accepted = new ArrayList<>();
    for (ImageName name : names) {
      if (shown.test(name)) {
        accepted.add(name);
      }
    }
    return accepted;
  }

  private static String digest(Image image, String repository) {
    for (Reference ref : image.digestRefs()) {
      if (ref.familiarName().equals(repository) && ref.digest().isPresent()) {
        return ref.digest().get().toString();
      }
    }
    return NONE;
  }
}
