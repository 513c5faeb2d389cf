package dev.mimg.store.registry;

import dev.mimg.model.Digest;
import dev.mimg.model.Image;
import dev.mimg.model.Reference;
import dev.mimg.model.RemoteSizes;
import dev.mimg.model.Variant;
import dev.mimg.registry.RegistryClient;
import dev.mimg.store.BoundedParallel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The registry's sizes of the images' missing platform variants: each one's manifest (no layer) is fetched by digest
 * from the repository of the image's first tag (else digest reference), {@code parallelism} at a time, each
 * (repository, digest) once. Dangling and complete images are not looked up. A failure only marks its image.
 */
public final class MissingVariantSizes {

  private MissingVariantSizes() {
  }

  /** The missing variants' sizes of {@code images} from their registries, through the user's size cache. */
  public static RemoteSizes ofUser(List<Image> images) {
    try (RegistryClient client = RegistryClient.fromEnvironment()) {
      return fetch(images, client::manifest, ManifestSizeCache.user());
    }
  }

  /** The missing variants' sizes of {@code images}, 16 requests at a time. */
  static RemoteSizes fetch(List<Image> images, ManifestFetcher fetcher) {
    return fetch(images, fetcher, BoundedParallel.DEFAULT_PARALLELISM);
  }

  /**
   * The missing variants' sizes of {@code images}, those the cache does not know fetched 16 at a time; the cache
   * learns the new ones and is saved.
   */
  static RemoteSizes fetch(List<Image> images, ManifestFetcher fetcher, ManifestSizeCache cache) {
    RemoteSizes sizes = fetch(images, fetcher, cache, BoundedParallel.DEFAULT_PARALLELISM);
    cache.save();
    return sizes;
  }

  /** The missing variants' sizes of {@code images}, {@code parallelism} requests at a time. */
  static RemoteSizes fetch(List<Image> images, ManifestFetcher fetcher, int parallelism) {
    return fetch(images, fetcher, null, parallelism);
  }

  private static RemoteSizes fetch(List<Image> images, ManifestFetcher fetcher, ManifestSizeCache cache,
      int parallelism) {
    Map<Image, List<Lookup>> lookups = new HashMap<>();
    Set<Lookup> distinct = new LinkedHashSet<>();
    for (Image image : images) {
      List<Lookup> own = lookups(image);
      lookups.put(image, own);
      distinct.addAll(own);
    }
    Map<Lookup, CompletableFuture<Long>> sizes = BoundedParallel.run(distinct, parallelism, lookup -> {
      Long known = cache == null ? null : cache.get(lookup.digest());
      if (known != null) {
        return known;
      }
      long size = fetcher.manifest(lookup.repository(), lookup.digest()).contentSize();
      if (cache != null) {
        cache.put(lookup.digest(), size);
      }
      return size;
    });
    Map<Digest, Long> variantSizes = new HashMap<>();
    Map<Digest, String> failures = new HashMap<>();
    lookups.forEach((image, own) -> own.forEach(lookup -> sizes.get(lookup).whenComplete((size, failure) -> {
      if (failure == null) {
        variantSizes.put(lookup.digest(), size);
      } else {
        failures.putIfAbsent(image.id(), BoundedParallel.reason(failure));
      }
    })));
    return RemoteSizes.of(variantSizes, failures);
  }

  /** The repository an image's missing variants are fetched from: that of its first tag, else digest reference. */
  public static Optional<Reference> repository(Image image) {
    return image.tags().stream().findFirst().or(() -> image.digestRefs().stream().findFirst());
  }

  private static List<Lookup> lookups(Image image) {
    Optional<Reference> repository = repository(image);
    List<Lookup> own = new ArrayList<>();
    if (repository.isPresent() && image.isShallow()) {
      for (Variant variant : image.platformVariants()) {
        if (!variant.available()) {
          own.add(new Lookup(repository.get(), variant.digest()));
        }
      }
    }
    return own;
  }

  /** One manifest to fetch; equal for the same repository and digest whatever the tag. */
  private record Lookup(Reference repository, Digest digest) {

    @Override
    public boolean equals(Object o) {
      return o instanceof Lookup other && repository.name().equals(other.repository.name())
          && digest.equals(other.digest);
    }

    @Override
    public int hashCode() {
      return 31 * repository.name().hashCode() + digest.hashCode();
    }
  }
}
