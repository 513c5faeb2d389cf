package dev.mimg.model;

import java.util.List;
import java.util.Objects;

/** A variant together with the image that lists it: one element of a query over variants. */
public record ImageVariant(Image image, Variant variant) {

  /** The image's name as plans print it ({@link Image#name()}). */
  public String name() {
    return image.name();
  }

  /** The variant's platform. */
  public Platform platform() {
    return variant.platform();
  }

  /** The variant's manifest digest. */
  public Digest digest() {
    return variant.digest();
  }

  /** True when the variant's content is in the store. */
  public boolean isPresent() {
    return variant.isPresent();
  }

  /** Compressed content held for the variant (0 when missing). */
  public long contentSize() {
    return variant.contentSize();
  }

  /** Content plus unpacked size. */
  public long diskUsage() {
    return variant.diskUsage();
  }

  /** Ids of the containers created from the variant. */
  public List<String> containers() {
    return variant.containers();
  }

  /** True when a container was created from the variant. */
  public boolean inUse() {
    return variant.inUse();
  }

  /** Equal to the same variant of the same image (written out: no record bootstrap at start-up). */
  @Override
  public boolean equals(Object other) {
    return other instanceof ImageVariant that && Objects.equals(image, that.image)
        && Objects.equals(variant, that.variant);
  }

  /** Consistent with {@link #equals(Object)}. */
  @Override
  public int hashCode() {
    return 31 * Objects.hashCode(image) + Objects.hashCode(variant);
  }

  /** {@code NAME PLATFORM SHORT-ID}, as a shell line shows it. */
  @Override
  public String toString() {
    return name() + " " + platform() + " " + variant.shortId();
  }
}
