package dev.mimg.model;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A stored image: an index (multi-platform) or a single manifest, the names the store holds for it and its
 * variants, missing ones included. {@code names} are the store's own names (tags, by-digest names, and in a layout
 * names that are no Docker reference); {@code digestRefs} every {@code repo@digest} reference that resolves to it
 * (Docker's RepoDigests), fully normalized.
 */
public record Image(
    Digest id,
    String mediaType,
    List<ImageName> names,
    List<Reference> digestRefs,
    Instant created,
    List<Variant> variants,
    Map<String, String> labels) {

  /** Defensive copies. */
  public Image {
    names = List.copyOf(names);
    digestRefs = List.copyOf(digestRefs);
    variants = List.copyOf(variants);
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  /** The tags among the names, in the store's order. */
  public List<Reference> tags() {
    return names.stream().filter(ImageName::isTag).map(ImageName::reference).toList();
  }

  /**
   * The name plans, messages and the DSL show for the image: its first tag, else its first other name, else its
   * short id ({@code alpine:3.16}, {@code alpine@sha256:...}, {@code 3d426b0bfc36}).
   */
  public String name() {
    return names.stream().filter(ImageName::isTag).findFirst().or(() -> names.stream().findFirst())
        .map(ImageName::toString).orElse(shortId());
  }

  /**
   * The names a listing shows a row for: the tags and the names that are no reference; without those, the
   * by-digest names; none for a dangling image.
   */
  public List<ImageName> listedNames() {
    List<ImageName> tagged = names.stream().filter(n -> !n.isDigest()).toList();
    return tagged.isEmpty() ? names : tagged;
  }

  /** Listing order: by the first listed name ({@link ImageName#LISTING_ORDER}), dangling images last, then by id. */
  public static final Comparator<Image> LISTING_ORDER = Comparator
      .comparing((Image image) -> image.listedNames().stream().min(ImageName.LISTING_ORDER).orElse(ImageName.NO_NAME),
          ImageName.LISTING_ORDER)
      .thenComparing(image -> image.id().toString());

  /** The platform variants (attestations excluded), present or not. */
  public List<Variant> platformVariants() {
    return variants.stream().filter(Variant::isImage).toList();
  }

  /** The platform variants whose content is in the store. */
  public List<Variant> present() {
    return variants.stream().filter(Variant::isPresent).toList();
  }

  /** The platforms of the present variants, in index order. */
  public List<Platform> platforms() {
    return present().stream().map(Variant::platform).toList();
  }

  /** True when the image has a present variant of that platform (strict match). */
  public boolean has(Platform platform) {
    return present().stream().anyMatch(v -> v.platform().matches(platform));
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
    return present().stream().mapToLong(Variant::contentSize).sum();
  }

  /** Content plus unpacked size of the present variants. */
  public long diskUsage() {
    return present().stream().mapToLong(Variant::diskUsage).sum();
  }

  /** Distinct containers created from any variant. */
  public List<String> containers() {
    return variants.stream().flatMap(v -> v.containers().stream()).distinct().toList();
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
        && variants.equals(that.variants) && labels.equals(that.labels);
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
    return 31 * hash + labels.hashCode();
  }
}
