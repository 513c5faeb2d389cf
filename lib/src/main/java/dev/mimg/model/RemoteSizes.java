package dev.mimg.model;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a registry said about the images' missing variants: each one's content size (manifest + config + layers,
 * the stores' definition) by variant digest, or, per image id, why they could not be had. {@link #NOT_ASKED} is
 * the answer of a listing that did not ask the registry: views then show the present sizes only.
 */
public record RemoteSizes(boolean asked, Map<Digest, Long> variantSizes, Map<Digest, String> failures) {

  /** The registry was not asked. */
  public static final RemoteSizes NOT_ASKED = new RemoteSizes(false, Map.of(), Map.of());

  /** Defensive copies. */
  public RemoteSizes {
    variantSizes = Map.copyOf(variantSizes);
    failures = Map.copyOf(failures);
  }

  /** The registry's answer: missing variants' sizes by digest, failure reasons by image id. */
  public static RemoteSizes of(Map<Digest, Long> variantSizes, Map<Digest, String> failures) {
    return new RemoteSizes(true, variantSizes, failures);
  }

  /** The variant's full content size: the store's for a present variant, the registry's for a missing one. */
  public OptionalLong size(Variant variant) {
    if (variant.available()) {
      return OptionalLong.of(variant.contentSize());
    }
    Long remote = variantSizes.get(variant.digest());
    return remote == null ? OptionalLong.empty() : OptionalLong.of(remote);
  }

  /** Why the registry could not give this image's missing variants, if it failed. */
  public Optional<String> failure(Image image) {
    return Optional.ofNullable(failures.get(image.id()));
  }

  /**
   * The image's content size with every platform variant present: its present content plus the registry's sizes
   * of the missing ones. Known without the registry for a complete image; empty when not asked, failed, or not
   * looked up (a dangling image has no repository to ask).
   */
  public OptionalLong total(Image image) {
    if (!asked) {
      return OptionalLong.empty();
    }
    long total = image.contentSize();
    if (!image.isShallow()) {
      return OptionalLong.of(total);
    }
    if (failures.containsKey(image.id())) {
      return OptionalLong.empty();
    }
    for (Variant missing : image.platformVariants()) {
      if (!missing.available()) {
        OptionalLong size = size(missing);
        if (size.isEmpty()) {
          return OptionalLong.empty();
        }
        total += size.getAsLong();
      }
    }
    return OptionalLong.of(total);
  }
}
