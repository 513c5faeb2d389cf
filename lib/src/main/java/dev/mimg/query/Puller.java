package dev.mimg.query;

import dev.mimg.model.RemoteVariant;
import dev.mimg.model.Digest;
import dev.mimg.model.Image;
import dev.mimg.model.InvalidInputException;
import dev.mimg.model.Platform;
import dev.mimg.model.PlatformMatcher;
import dev.mimg.model.Reference;
import dev.mimg.model.Variant;
import dev.mimg.registry.RegistryClient;
import dev.mimg.store.ImageStore;
import dev.mimg.store.PullEvent;
import dev.mimg.store.registry.RemoteVariants;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * mimg's pull semantics (the seed's options 2 and 5): an image that is not there is pulled for the host, the
 * platforms asked for, or all the registry's index lists; a platform missing from a stored image is back-filled
 * from the STORED index without re-resolving the tag (unless {@code resolve}); a plain pull of a stored image
 * re-resolves the tag and refreshes every platform already present. Each outcome is reported per platform, and
 * only for the platforms this pull asked for (a concurrent pull's platforms are not this one's).
 */
final class Puller {

  private final ImageStore store;
  private final Consumer<PullEvent> progress;

  /** A puller into a store, sending progress messages to {@code progress}. */
  Puller(ImageStore store, Consumer<PullEvent> progress) {
    this.store = store;
    this.progress = progress;
  }

  /** Pulls {@code reference} by the rules above; {@code platforms} empty means "the default for the case". */
  PullReport pull(Reference reference, List<Platform> platforms, boolean allPlatforms, boolean resolve) {
    Optional<Image> stored = store.named(reference);
    if (store.isReadOnly()) {
      return wouldPull(reference, stored, platforms);
    }
    if (stored.isEmpty()) {
      return fresh(reference, platforms, allPlatforms);
    }
    Image image = stored.get();
    if (!platforms.isEmpty() && !resolve && reference.digest().isEmpty()) {
      return backfill(reference, image, platforms);
    }
    if (allPlatforms) {
      List<Platform> every = image.platformVariants().stream().map(Variant::platform).toList();
      return resolve ? refresh(reference, image, every) : backfill(reference, image, every);
    }
    return refresh(reference, image, platforms.isEmpty() ? image.platforms() : platforms);
  }

  /** What a dry run reports: the platforms it would pull (those asked for, else those present, else the host's). */
  static PullReport wouldPull(Reference reference, Optional<Image> stored, List<Platform> platforms) {
    List<Platform> which = !platforms.isEmpty() ? platforms
        : stored.map(Image::platforms).filter(p -> !p.isEmpty()).orElse(List.of(Platform.host()));
    List<PullReport.Outcome> outcomes = which.stream()
        .map(platform -> new PullReport.Outcome(platform.toString(), "would be pulled (dry run)", null, null)).toList();
    Digest id = stored.map(Image::id).orElse(null);
    return new PullReport(reference.familiarString(), id, id, outcomes, false);
  }

  private PullReport fresh(Reference reference, List<Platform> platforms, boolean allPlatforms) {
    if (allPlatforms) {
      return freshAll(reference);
    }
    if (platforms.isEmpty()) {
      store.pull(reference, null, progress);
    }
    platforms.forEach(platform -> store.pull(reference, platform, progress));
    Image image = afterPull(reference);
    List<PullReport.Outcome> outcomes = new ArrayList<>();
    if (platforms.isEmpty()) {
      PlatformMatcher.hostDefault(Platform.host()).best(image.present(), Variant::platform)
          .or(() -> image.present().stream().findFirst())
          .ifPresent(v -> outcomes.add(new PullReport.Outcome(v.platform().toString(), "pulled", null, v.digest())));
    }
    for (Platform platform : platforms) {
      Digest digest = variantOf(image, platform);
      outcomes.add(new PullReport.Outcome(platform.toString(), digest == null ? "not in the index" : "pulled", null,
          digest));
    }
    return new PullReport(reference.familiarString(), null, image.id(), outcomes, false);
  }

  /**
   * Every platform the registry's index lists: at once where the store can, else the first pulled and the others
   * back-filled from the stored index.
   */
  private PullReport freshAll(Reference reference) {
    if (store.pullAll(reference, progress)) {
      Image image = afterPull(reference);
      List<PullReport.Outcome> outcomes = image.present().stream()
          .map(v -> new PullReport.Outcome(v.platform().toString(), "pulled", null, v.digest())).toList();
      return new PullReport(reference.familiarString(), null, image.id(), outcomes, false);
    }
    List<Platform> listed;
    try (RegistryClient client = RegistryClient.fromEnvironment()) {
      listed = RemoteVariants.of(reference, client).stream().filter(RemoteVariant::isImage)
          .map(RemoteVariant::platform).distinct().toList();
    }
    store.pull(reference, listed.size() > 1 ? listed.get(0) : null, progress);
    Image image = afterPull(reference);
    List<PullReport.Outcome> outcomes = new ArrayList<>();
    image.present().stream().findFirst().ifPresent(v -> outcomes.add(
        new PullReport.Outcome(v.platform().toString(), "pulled", null, v.digest())));
    if (listed.size() > 1) {
      outcomes.addAll(backfill(reference, image, listed.subList(1, listed.size())).outcomes());
    }
    return new PullReport(reference.familiarString(), null, image.id(), outcomes, false);
  }

  private Image afterPull(Reference reference) {
    return store.named(reference).orElseThrow(() ->
        new InvalidInputException("pulled " + reference.familiarString() + " but the store does not list it"));
  }

  private PullReport backfill(Reference reference, Image image, List<Platform> platforms) {
    List<PullReport.Outcome> outcomes = new ArrayList<>();
    for (Platform platform : platforms) {
      Optional<Variant> listed = image.platformVariants().stream().filter(v -> v.platform().matches(platform))
          .findFirst();
      if (listed.isEmpty()) {
        throw new InvalidInputException("platform " + platform + " is not in the index of " + reference.familiarString()
            + " (it lists: " + image.platformVariants().stream().map(v -> v.platform().toString())
                .collect(Collectors.joining(", ")) + "); --resolve pulls the tag as it is now");
      }
      Variant variant = listed.get();
      if (variant.available()) {
        outcomes.add(new PullReport.Outcome(variant.platform().toString(), "already present", null, variant.digest()));
        continue;
      }
      backfillChecked(image, reference, variant);
      outcomes.add(new PullReport.Outcome(variant.platform().toString(), "back-filled from the stored index", null,
          variant.digest()));
    }
    return new PullReport(reference.familiarString(), image.id(), image.id(), outcomes, false);
  }

  /**
   * Back-fills one variant and checks the store now holds it: an engine asked right after a removal of the same
   * variant may answer "up to date" while its snapshot is still being cleaned up, fetching nothing; it is asked
   * once more, and a variant still missing is an error, never a report of success.
   */
  private void backfillChecked(Image image, Reference reference, Variant variant) {
    for (int attempt = 1; ; attempt++) {
      store.backfill(image, reference, variant.platform(), progress);
      boolean present = store.current(image).map(now -> now.present().stream()
          .anyMatch(v -> v.digest().equals(variant.digest()))).orElse(false);
      if (present) {
        return;
      }
      if (attempt == 2) {
        throw new dev.mimg.store.StoreException("the store answered the pull of " + variant.platform() + " into "
            + reference.familiarString() + " but does not hold it (" + variant.shortId() + " is still missing); "
            + "pull again");
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new dev.mimg.store.StoreException("interrupted while pulling " + variant.platform(), e);
      }
    }
  }

  private PullReport refresh(Reference reference, Image before, List<Platform> platforms) {
    if (platforms.isEmpty()) {
      store.pull(reference, null, progress);
    }
    for (Platform platform : platforms) {
      store.pull(reference, platform, progress);
    }
    Image after = afterPull(reference);
    List<PullReport.Outcome> outcomes = new ArrayList<>();
    for (Platform platform : platforms) {
      Digest old = variantOf(before, platform);
      Digest now = variantOf(after, platform);
      String action = old == null ? "pulled" : old.equals(now) ? "unchanged" : "refreshed";
      outcomes.add(new PullReport.Outcome(platform.toString(), action, old, now));
    }
    boolean oldKept = !before.id().equals(after.id())
        && store.current(before).filter(image -> !image.isDangling()).isPresent();
    return new PullReport(reference.familiarString(), before.id(), after.id(), outcomes, oldKept);
  }

  private static Digest variantOf(Image image, Platform platform) {
    return image.present().stream().filter(v -> v.platform().matches(platform)).map(Variant::digest)
        .findFirst().orElse(null);
  }
}
