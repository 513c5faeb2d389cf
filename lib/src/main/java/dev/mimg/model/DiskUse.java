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

  /**
   * One row: {@code variants} present, {@code missing} variants not present (and their registry size when asked,
   * -1 otherwise), compressed {@code content} and {@code unpacked} layers (each part once), the part of both also
   * held by rows outside this one ({@code shared}, with the rows it is shared with), and what removing the row's
   * variants would free: the parts no other row holds, of variants no container uses ({@code reclaimable}).
   */
  public record Row(String key, int variants, int missing, long missingRemoteBytes, long content, long unpacked,
      long shared, List<String> sharedWith, long reclaimable) {

    /** Defensive copy. */
    public Row {
      sharedWith = List.copyOf(sharedWith);
    }

    /** Content plus unpacked: what the row costs on disk. */
    public long diskUsage() {
      return content + unpacked;
    }
  }
}
