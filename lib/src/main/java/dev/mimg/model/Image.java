package dev.mimg.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A stored image: an index (multi-platform) or a single manifest, the names the store holds for it and its
 * variants, missing ones included. {@code names} are the store's own names (tags, by-digest names, and in a layout
 * names that are no Docker reference); {@code digestRefs} every {@code repo@digest} reference that resolves to it
 * (Docker's RepoDigests), fully normalized. {@code store} names the store of a fleet the image was listed from
 * (null outside a fleet): the same image in two stores is two images.
 */
public record Image(
    Digest id,
    String mediaType,
    List<ImageName> names,
    List<Reference> digestRefs,
    Instant created,
    List<Variant> variants,
    Map<String, String> labels,
    String store) {

  /** Defensive copies. */
  public Image {
    names = List.copyOf(names);
    digestRefs = List.copyOf(digestRefs);
    variants = List.copyOf(variants);
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  /** An image as one store lists it (no fleet store named). */
  public Image(Digest id, String mediaType, List<ImageName> names, List<Reference> digestRefs, Instant created,
      List<Variant> variants, Map<String, String> labels) {
    this(id, mediaType, names, digestRefs, created, variants, labels, null);
  }

  /** The same image labelled with the fleet store it lives in (null: none). */
  public Image withStore(String storeName) {
    return Objects.equals(store, storeName) ? this
        : new Image(id, mediaType, names, digestRefs, created, variants, labels, storeName);
  }

  /** The tags among the names, in the store's order. */
  public List<Reference> tags() {
    List<Reference> tags = new ArrayList<>();
    for (ImageName name : names) {
      if (name.isTag()) {
        tags.add(name.reference());
      }
    }
    return tags;
  }

  /**
   * The name plans, messages and the DSL show for the image: its first tag, else its first other name, else its
   * short id ({@code alpine:3.16}, {@code alpine@sha256:...}, {@code 3d426b0bfc36}).
   */
  public String name() {
    for (ImageName name : names) {
      if (name.isTag()) {
        return name.toString();
      }
    }
    return names.isEmpty() ? shortId() : names.get(0).toString();
  }

  /**
   * The names a listing shows a row for: the tags and the names that are no reference; without those, the
   * by-digest names; none for a dangling image.
   */
  public List<ImageName> listedNames() {
    List<ImageName> tagged = new ArrayList<>();
    for (ImageName name : names) {
      if (!name.isDigest()) {
        tagged.add(name);
      }
    }
    return tagged.isEmpty() ? names : tagged;
  }

  /**
   * Listing order: by fleet store ({@link #STORE_ORDER}), then the first listed name ({@link ImageName#LISTING_ORDER}),
   * dangling images last, then by id.
   */
  public static final Comparator<Image> LISTING_ORDER = new Comparator<>() {
    @Override
    public int compare(Image a, Image b) {
      int byStore = STORE_ORDER.compare(a.store, b.store);
      if (byStore != 0) {
        return byStore;
      }
      int byName = ImageName.LISTING_ORDER.compare(a.firstListedName(), b.firstListedName());
      return byName != 0 ? byName : a.id().toString().compareTo(b.id().toString());
    }
  };

  /** The order of fleet store names: by name, no store first. */
  public static final Comparator<String> STORE_ORDER = Comparator.nullsFirst(Comparator.naturalOrder());

  /** The first of the listed names in listing order ({@code <none>} for a dangling image). */
  private ImageName firstListedName() {
    ImageName first = ImageName.NO_NAME;
    boolean none = true;
    for (ImageName name : listedNames()) {
      if (none || ImageName.LISTING_ORDER.compare(name, first) < 0) {
        first = name;
        none = false;
      }
    }
    return first;
  }

  /** The platform variants (attestations excluded), present or not. */
  public List<Variant> platformVariants() {
    List<Variant> images = new ArrayList<>();
    for (Variant variant : variants) {
      if (variant.isImage()) {
        images.add(variant);
      }
    }
    return images;
  }

  /** The platform variants whose content is in the store. */
  public List<Variant> present() {
    List<Variant> present = new ArrayList<>();
    for (Variant variant : variants) {
      if (variant.isPresent()) {
        present.add(variant);
      }
    }
    return present;
  }

  /** The platforms of the present variants, in index order. */
  public List<Platform> platforms() {
    List<Platform> platforms = new ArrayList<>();
    for (Variant variant : present()) {
      platforms.add(variant.platform());
    }
    return platforms;
  }

  /** True when the image has a present variant of that platform (strict match). */
  public boolean has(Platform platform) {
    for (Variant variant : present()) {
      if (variant.platform().matches(platform)) {
        return true;
      }
    }
    return false;
  }

  /** How many platform variants the image lists. */
  public int total() {
    return platformVariants().size();
  }

  /** True when some platform variants are missing: the image was pulled "shallow". */
  public boolean isShallow() {
    return present().size() < total();
  }

  /** Compressed content held for the present variants (what a registry would report for them). */
  public long contentSize() {
    long bytes = 0;
    for (Variant variant : present()) {
      bytes += variant.contentSize();
    }
    return bytes;
  }

  /** Content plus unpacked size of the present variants. */
  public long diskUsage() {
    long bytes = 0;
    for (Variant variant : present()) {
      bytes += variant.diskUsage();
    }
    return bytes;
  }

  /** Distinct containers created from any variant. */
  public List<String> containers() {
    Set<String> containers = new LinkedHashSet<>();
    for (Variant variant : variants) {
      containers.addAll(variant.containers());
    }
    return List.copyOf(containers);
  }

  /** True when the store holds no name for the image (the engine's meaning of dangling). */
  public boolean isDangling() {
    return names.isEmpty();
  }

  /** True when the image is an index (multi-platform), false for a single manifest. */
  public boolean isIndex() {
    return MediaTypes.isIndex(mediaType);
  }

  /** The short image id (12 hex digits). */
  public String shortId() {
    return id.shortId();
  }

  /** Equal to an image with the same components (written out: no record bootstrap at start-up). */
  @Override
  public boolean equals(Object other) {
    return other instanceof Image that && Objects.equals(id, that.id) && Objects.equals(mediaType, that.mediaType)
        && names.equals(that.names) && digestRefs.equals(that.digestRefs) && Objects.equals(created, that.created)
        && variants.equals(that.variants) && labels.equals(that.labels)
        && Objects.equals(store, that.store);
  }

  /** Consistent with {@link #equals(Object)}. */
  @Override
  public int hashCode() {
    int hash = Objects.hashCode(id);
    hash = 31 * hash + Objects.hashCode(mediaType);
    hash = 31 * hash + names.hashCode();
    hash = 31 * hash + digestRefs.hashCode();
    hash = 31 * hash + Objects.hashCode(created);
    hash = 31 * hash + variants.hashCode();
    hash = 31 * hash + labels.hashCode();
    return 31 * hash + Objects.hashCode(store);
  }
}
