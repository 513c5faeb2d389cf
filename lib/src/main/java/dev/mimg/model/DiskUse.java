package dev.mimg.model;

import java.util.List;

/**
 * Disk use of a query's images, one row per platform, repository or image ({@link By}), each part of content
 * counted once: a part two rows hold shows in both rows' figures and in their {@code shared}, once in the total.
 */
public record DiskUse(By by, List<Row> rows, Row total) {

  /** What a row groups. */
  public enum By {
    /** One row per platform (an attestation counts with the platform it describes). */
    PLATFORM,
    /** One row per repository (an image counts with the repository of its name). */
    REPOSITORY,
    /** One row per image. */
    IMAGE;

    /** The {@code --by} word: platform, repository or image; anything else is a one-line error. */
    public static By parse(String word) {
      for (By by : values()) {
        if (by.name().equalsIgnoreCase(word)) {
          return by;
        }
      }
      throw new InvalidInputException("unknown --by " + word + ": use platform, repository or image");
    }
  }

  /** Defensive copy. */
  public DiskUse {
    rows = List.copyOf(rows);
  }

  /** The same disk use with every row labelled with the fleet store it counts. */
  public DiskUse withStore(String store) {
    return new DiskUse(by, rows.stream().map(row -> row.withStore(store)).toList(), total.withStore(store));
  }

  /**
   * The disk use of a fleet: each store's rows (labelled, in the order given) and a total that adds the stores'
   * totals (stores share no content); SHARED counts what is shared within a store.
   */
  public static DiskUse ofStores(By by, List<DiskUse> stores) {
    List<Row> rows = new java.util.ArrayList<>();
    int variants = 0;
    int missing = 0;
    long missingRemote = 0;
    long content = 0;
    long unpacked = 0;
    long shared = 0;
    long reclaimable = 0;
    for (DiskUse each : stores) {
      rows.addAll(each.rows());
      Row t = each.total();
      variants += t.variants();
      missing += t.missing();
      missingRemote = missingRemote < 0 || t.missingRemoteBytes() < 0 ? -1 : missingRemote + t.missingRemoteBytes();
      content += t.content();
      unpacked += t.unpacked();
      shared += t.shared();
      reclaimable += t.reclaimable();
    }
    return new DiskUse(by, rows, new Row("TOTAL", variants, missing, missingRemote, content, unpacked, shared,
        List.of(), reclaimable));
  }

  /**
   * One row: {@code variants} present, {@code missing} variants not present (and their registry size when asked,
   * -1 otherwise), compressed {@code content} and {@code unpacked} layers (each part once), the part of both also
   * held by rows outside this one ({@code shared}, with the rows it is shared with), and what removing the row's
   * variants would free: the parts no other row holds, of variants no container uses ({@code reclaimable}).
   */
  public record Row(String key, int variants, int missing, long missingRemoteBytes, long content, long unpacked,
      long shared, List<String> sharedWith, long reclaimable, String store) {

    /** Defensive copy. */
    public Row {
      sharedWith = List.copyOf(sharedWith);
    }

    /** A row of one store (no fleet store named). */
    public Row(String key, int variants, int missing, long missingRemoteBytes, long content, long unpacked,
        long shared, List<String> sharedWith, long reclaimable) {
      this(key, variants, missing, missingRemoteBytes, content, unpacked, shared, sharedWith, reclaimable, null);
    }

    /** The same row labelled with the fleet store it counts (null: none). */
    public Row withStore(String storeName) {
      return new Row(key, variants, missing, missingRemoteBytes, content, unpacked, shared, sharedWith, reclaimable,
          storeName);
    }

    /** Content plus unpacked: what the row costs on disk. */
    public long diskUsage() {
      return content + unpacked;
    }
  }
}
