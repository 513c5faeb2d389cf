package dev.mimg.query;

import dev.mimg.model.ContentPart;
import dev.mimg.model.DiskUse;
import dev.mimg.model.Digest;
import dev.mimg.model.Image;
import dev.mimg.model.ImageName;
import dev.mimg.model.ImageVariant;
import dev.mimg.model.RemoteSizes;
import dev.mimg.model.Selection;
import dev.mimg.model.Variant;
import dev.mimg.store.BoundedParallel;
import dev.mimg.store.ImageStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Counts disk use: every present variant of the store holds parts ({@link ImageStore#contentParts}); a row sums
 * the distinct parts of its selected variants; a part is shared when a variant outside the row holds it too (a
 * variant the query did not select counts as outside, named {@code KEY (not selected)}).
 */
final class DiskUseAccount {

  private static final String NOT_SELECTED = " (not selected)";
  /** How many variants' parts are asked for at once (an engine answers each with a request or two). */
  private static final int PARALLELISM = 8;

  private final ImageStore store;
  private final DiskUse.By by;
  private final Map<Digest, List<ContentPart>> partsByVariant = new HashMap<>();
  private final Map<String, Set<String>> holders = new HashMap<>();
  private final Map<String, Boolean> heldInUse = new HashMap<>();

  private DiskUseAccount(ImageStore store, DiskUse.By by) {
    this.store = store;
    this.by = by;
  }

  /** The disk use of {@code selected} (images, and the variants its selection shows) among all images. */
  static DiskUse count(ImageStore store, List<Image> all, Listing selected, DiskUse.By by) {
    DiskUseAccount account = new DiskUseAccount(store, by);
    account.readParts(all);
    Selection selection = selected.selection();
    Set<Image> chosen = Set.copyOf(selected.images());
    for (Image image : all) {
      for (Variant variant : image.variants()) {
        if (variant.available()) {
          boolean isSelected = chosen.contains(image) && selection.variants().test(image, variant);
          account.hold(image, variant, account.key(image, variant) + (isSelected ? "" : NOT_SELECTED));
        }
      }
    }
    return account.rows(selected);
  }

  private void hold(Image image, Variant variant, String holder) {
    for (ContentPart part : parts(image, variant)) {
      holders.computeIfAbsent(part.id(), id -> new TreeSet<>()).add(holder);
      heldInUse.merge(part.id(), variant.inUse(), Boolean::logicalOr);
    }
  }

  /** Every present variant's parts, asked of the store at most {@value #PARALLELISM} at a time. */
  private void readParts(List<Image> all) {
    Map<Digest, ImageVariant> variants = new LinkedHashMap<>();
    for (Image image : all) {
      for (Variant variant : image.variants()) {
        if (variant.available()) {
          variants.putIfAbsent(variant.digest(), new ImageVariant(image, variant));
        }
      }
    }
    BoundedParallel.run(variants.keySet(), PARALLELISM, digest -> store.contentParts(variants.get(digest).image(),
        variants.get(digest).variant())).forEach((digest, parts) -> partsByVariant.put(digest,
            BoundedParallel.join(parts)));
  }

  private List<ContentPart> parts(Image image, Variant variant) {
    return partsByVariant.computeIfAbsent(variant.digest(), digest -> store.contentParts(image, variant));
  }

  private DiskUse rows(Listing selected) {
    Map<String, Tally> tallies = new LinkedHashMap<>();
    Tally total = new Tally("TOTAL");
    RemoteSizes remote = selected.remote();
    for (Image image : selected.images()) {
      for (Variant variant : image.variants()) {
        if (!selected.selection().variants().test(image, variant)) {
          continue;
        }
        String key = key(image, variant);
        Tally tally = tallies.computeIfAbsent(key, Tally::new);
        for (Tally t : List.of(tally, total)) {
          t.add(image, variant, remote);
        }
      }
    }
    List<DiskUse.Row> rows = new ArrayList<>();
    for (Tally tally : tallies.values()) {
      rows.add(tally.row(Set.of(tally.key), remote.asked()));
    }
    rows.sort(Comparator.comparingLong(DiskUse.Row::diskUsage).reversed().thenComparing(DiskUse.Row::key));
    return new DiskUse(by, rows, total.row(tallies.keySet(), remote.asked()));
  }

  /** The row a variant counts in. */
  private String key(Image image, Variant variant) {
    return switch (by) {
      case IMAGE -> image.name();
      case REPOSITORY -> {
        List<ImageName> names = image.listedNames();
        yield names.isEmpty() ? ImageName.NONE : names.get(0).repository();
      }
      case PLATFORM -> platformOf(image, variant);
    };
  }

  /** A variant's platform; an attestation's is the platform of the variant it describes. */
  private static String platformOf(Image image, Variant variant) {
    if (variant.attestationFor() != null) {
      for (Variant subject : image.variants()) {
        if (subject.digest().equals(variant.attestationFor())) {
          return subject.platform().toString();
        }
      }
    }
    return variant.platform().toString();
  }

  /** The variants and distinct parts of one row (or of the total). */
  private final class Tally {
    private final String key;
    private final Set<Digest> present = new TreeSet<>(Comparator.comparing(Digest::toString));
    private final Set<Digest> missing = new TreeSet<>(Comparator.comparing(Digest::toString));
    private final Map<String, ContentPart> parts = new LinkedHashMap<>();
    private long missingRemote;

    Tally(String key) {
      this.key = key;
    }

    void add(Image image, Variant variant, RemoteSizes remote) {
      if (variant.available()) {
        if (variant.isImage()) {
          present.add(variant.digest());
        }
        parts(image, variant).forEach(part -> parts.putIfAbsent(part.id(), part));
      } else if (variant.isImage() && missing.add(variant.digest())) {
        missingRemote += remote.size(variant).orElse(0);
      }
    }

    /** The row; {@code own}: the holders that are this row (a part held by any other is shared). */
    DiskUse.Row row(Set<String> own, boolean remoteAsked) {
      long content = 0;
      long unpacked = 0;
      long shared = 0;
      long reclaimable = 0;
      Set<String> sharedWith = new TreeSet<>();
      for (ContentPart part : parts.values()) {
        if (part.kind() == ContentPart.Kind.CONTENT) {
          content += part.bytes();
        } else {
          unpacked += part.bytes();
        }
        Set<String> others = new TreeSet<>(holders.getOrDefault(part.id(), Set.of()));
        others.removeAll(own);
        if (others.isEmpty()) {
          reclaimable += heldInUse.getOrDefault(part.id(), false) ? 0 : part.bytes();
        } else {
          shared += part.bytes();
          sharedWith.addAll(others);
        }
      }
      return new DiskUse.Row(key, present.size(), missing.size(), remoteAsked ? missingRemote : -1, content,
          unpacked, shared, List.copyOf(sharedWith), reclaimable);
    }
  }
}
