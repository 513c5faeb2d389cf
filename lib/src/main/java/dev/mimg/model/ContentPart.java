package dev.mimg.model;

import java.util.List;

/**
 * One piece of what a variant holds on disk, as the store counts it: a blob (compressed content) or its unpacked
 * form. Two variants holding a part with the same {@code id} hold those bytes once.
 */
public record ContentPart(String id, Kind kind, long bytes) {

  /** Compressed content or unpacked layers. */
  public enum Kind {
    /** A blob as stored: manifest, config or compressed layer. */
    CONTENT,
    /** Unpacked layers (snapshots). */
    UNPACKED
  }

  /**
   * The parts of a variant for a store that knows only the variant's totals: its content and its unpacked layers,
   * each one part named after the manifest digest (variants shared by images count once, layers shared between
   * variants are not seen).
   */
  public static List<ContentPart> wholeVariant(Variant variant) {
    String id = variant.digest().toString();
    return List.of(new ContentPart(id, Kind.CONTENT, variant.contentSize()),
        new ContentPart("unpacked:" + id, Kind.UNPACKED, variant.unpackedSize()));
  }
}
