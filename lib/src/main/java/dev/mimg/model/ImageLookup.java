package dev.mimg.model;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds what a user named: an image by one of its names as written, by reference (tag or digest,
 * Docker-normalized) or by id prefix, or a single variant by its id prefix. Ids are tried first for hex strings, as
 * short ids are also valid repository names.
 */
public final class ImageLookup {

  private static final Pattern ID = Pattern.compile("(sha256:)?[0-9a-f]{4,64}");

  /** An image, and the variant when the name was a variant id (else null). */
  public record Found(Image image, Variant variant) {

    /**
     * The present variants found ({@code typed} names them in errors): the variant, else the image's present ones;
     * only those of {@code wanted} when it is not null (strict matching). None present is an error naming those
     * that are.
     */
    public List<Variant> presentVariants(Platform wanted, String typed) {
      String name = image.isDangling() ? typed : image.name();
      if (variant != null && !variant.isPresent()) {
        throw new InvalidInputException("variant " + variant.shortId() + " (" + variant.platform() + ") of " + name
            + " is not present");
      }
      List<Variant> candidates = variant != null ? List.of(variant) : image.present();
      if (wanted == null) {
        return candidates;
      }
      List<Variant> matching = candidates.stream().filter(v -> v.platform().matches(wanted)).toList();
      if (matching.isEmpty()) {
        throw notPresent(wanted, name, image);
      }
      return matching;
    }
  }

  private ImageLookup() {
  }

  /** The error for a platform an image does not hold, naming the ones it does. */
  public static InvalidInputException notPresent(Platform platform, String name, Image image) {
    String present = image.platforms().stream().map(Platform::toString).collect(Collectors.joining(", "));
    return new InvalidInputException("platform " + platform + " is not present in " + name
        + " (present: " + (present.isEmpty() ? "none" : present) + ")");
  }

  /** The image (or variant) named by {@code name}; an unknown name is an {@link InvalidInputException}. */
  public static Found find(List<Image> images, String name) {
    return lookup(images, name).orElseThrow(() -> new InvalidInputException("no such image: " + name));
  }

  /**
   * The image (or variant) named by {@code name}, empty when nothing has that name; an ambiguous id prefix or a
   * malformed reference is still an {@link InvalidInputException}.
   */
  public static Optional<Found> lookup(List<Image> images, String name) {
    if (ID.matcher(name).matches()) {
      Optional<Found> byId = byId(images, name.startsWith("sha256:") ? name : "sha256:" + name);
      if (byId.isPresent() || name.length() >= 64) {
        return byId;
      }
    }
    Optional<Image> asWritten = images.stream()
        .filter(image -> image.names().stream().anyMatch(n -> n.reference() == null && n.written().equals(name)))
        .findFirst();
    if (asWritten.isPresent()) {
      return asWritten.map(image -> new Found(image, null));
    }
    Reference reference = Reference.parse(name);
    return images.stream().filter(image -> names(image, reference)).findFirst().map(image -> new Found(image, null));
  }

  /**
   * True when {@code reference} names the image: one of its names, one of its digest references, or its id in a
   * repository that names it ({@code repo@<id>}).
   */
  public static boolean names(Image image, Reference reference) {
    return image.names().stream().anyMatch(n -> reference.equals(n.reference()))
        || image.digestRefs().contains(reference)
        || reference.isDigestOnly() && reference.digest().orElseThrow().equals(image.id())
           && Stream.concat(image.digestRefs().stream(), image.tags().stream())
               .anyMatch(ref -> ref.name().equals(reference.name()));
  }

  private static Optional<Found> byId(List<Image> images, String prefix) {
    List<Image> matches = images.stream().filter(i -> i.id().toString().startsWith(prefix)).toList();
    if (matches.stream().map(Image::id).distinct().count() > 1) {
      throw new InvalidInputException("ambiguous image id " + prefix + ": it matches " + matches.size() + " images");
    }
    if (!matches.isEmpty()) {
      return Optional.of(new Found(matches.get(0), null));
    }
    List<Found> variants = images.stream().flatMap(image -> image.variants().stream()
        .filter(variant -> variant.digest().toString().startsWith(prefix)).map(variant -> new Found(image, variant)))
        .toList();
    if (variants.stream().map(found -> found.variant().digest()).distinct().count() > 1) {
      throw new InvalidInputException("ambiguous variant id " + prefix + ": it matches " + variants.size()
          + " variants");
    }
    return variants.stream().findFirst();
  }
}
