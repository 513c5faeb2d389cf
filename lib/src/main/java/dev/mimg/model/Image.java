package dev.mimg.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A stored image: an index (multi-platform) or a single manifest, the names that point at it and its variants,
 * missing ones included. {@code tags} and {@code digestRefs} are fully normalized references.
 */
public record Image(
    Digest id,
    String mediaType,
    List<Reference> tags,
    List<Reference> digestRefs,
    Instant created,
    List<Variant> variants,
    Map<String, String> labels) {

  /** Defensive copies. */
  public Image {
    tags = List.copyOf(tags);
    digestRefs = List.copyOf(digestRefs);
    variants = List.copyOf(variants);
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

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

  /** True when neither a tag nor a digest reference names the image (the engine's meaning of dangling). */
  public boolean isDangling() {
    return tags.isEmpty() && digestRefs.isEmpty();
  }

  /** True when the image is an index (multi-platform), false for a single manifest. */
  public boolean isIndex() {
    return MediaTypes.isIndex(mediaType);
  }

  /** The short image id (12 hex digits). */
  public String shortId() {
    return id.shortId();
  }
}
