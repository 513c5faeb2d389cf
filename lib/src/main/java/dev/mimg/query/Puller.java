package dev.mimg.query;

import dev.mimg.model.Digest;
import dev.mimg.model.Image;
import dev.mimg.model.InvalidInputException;
import dev.mimg.model.Platform;
import dev.mimg.model.Reference;
import dev.mimg.model.Variant;
import dev.mimg.store.ImageStore;
import dev.mimg.store.PullEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * mimg's pull semantics (the seed's options 2 and 5): an image that is not there is pulled for the host, the
 * platforms asked for, or all; a platform missing from a stored image is back-filled from the STORED index
 * without re-resolving the tag (unless {@code resolve}); a plain pull of a stored image re-resolves the tag and
 * refreshes every platform already present. Each outcome is reported per platform.
 */
public final class Puller {

  /** What happened to one platform: pulled, back-filled, refreshed (old → new variant), unchanged, present. */
  public record Outcome(String platform, String action, Digest before, Digest after) {
  }

  /** The whole pull: the index before and after (null when there was none) and each platform's outcome. */
  public record Report(String name, Digest indexBefore, Digest indexAfter, List<Outcome> outcomes,
      boolean oldImageKept) {

    /** One line per platform, then the index change, as a user reads it. */
    public String describe() {
      StringBuilder out = new StringBuilder();
      for (Outcome outcome : outcomes) {
        out.append(name).append(' ').append(outcome.platform()).append(": ").append(outcome.action());
        if (outcome.before() != null && outcome.after() != null && !outcome.before().equals(outcome.after())) {
          out.append(' ').append(outcome.before().shortId()).append(" -> ").append(outcome.after().shortId());
        } else if (outcome.after() != null) {
          out.append(' ').append(outcome.after().shortId());
        }
        out.append('\n');
      }
      if (indexBefore != null && indexAfter != null && !indexBefore.equals(indexAfter)) {
        out.append(name).append(": index ").append(indexBefore.shortId()).append(" -> ").append(indexAfter.shortId())
            .append(oldImageKept ? " (the old image is kept: other names still use it)" : "").append('\n');
      }
      return out.toString();
    }
  }

  private final ImageStore store;
  private final Consumer<PullEvent> progress;

  /** A puller into a store, sending progress messages to {@code progress}. */
  public Puller(ImageStore store, Consumer<PullEvent> progress) {
    this.store = store;
    this.progress = progress;
  }

  /** What a dry run reports for pulling {@code platforms} (none: those present) into a stored, tagged image. */
  static Report wouldPull(Image image, List<Platform> platforms) {
    List<Platform> which = platforms.isEmpty() ? image.platforms() : platforms;
    List<Outcome> outcomes = which.stream()
        .map(platform -> new Outcome(platform.toString(), "would be pulled (dry run)", null, null)).toList();
    return new Report(image.tags().get(0).familiarString(), image.id(), image.id(), outcomes, false);
  }

  /** Pulls {@code reference} by the rules above; {@code platforms} empty means "the default for the case". */
  public Report pull(Reference reference, List<Platform> platforms, boolean allPlatforms, boolean resolve) {
    Optional<Image> stored = find(store.images(), reference);
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

  private Report fresh(Reference reference, List<Platform> platforms, boolean allPlatforms) {
    List<Outcome> outcomes = new ArrayList<>();
    if (platforms.isEmpty()) {
      store.pull(reference, null, progress);
    }
    platforms.forEach(platform -> store.pull(reference, platform, progress));
    Image image = find(store.images(), reference).orElseThrow(() ->
        new InvalidInputException("pulled " + reference.familiarString() + " but the store does not list it"));
    if (allPlatforms) {
      return backfill(reference, image, image.platformVariants().stream().map(Variant::platform).toList());
    }
    image.present().forEach(v -> outcomes.add(new Outcome(v.platform().toString(), "pulled", null, v.digest())));
    return new Report(reference.familiarString(), null, image.id(), outcomes, false);
  }

  private Report backfill(Reference reference, Image image, List<Platform> platforms) {
    List<Outcome> outcomes = new ArrayList<>();
    for (Platform platform : platforms) {
      Optional<Variant> listed = image.platformVariants().stream().filter(v -> v.platform().matches(platform))
          .findFirst();
      if (listed.isEmpty()) {
        throw new InvalidInputException("platform " + platform + " is not in the index of " + reference.familiarString()
            + " (it lists: " + image.platformVariants().stream().map(v -> v.platform().toString())
                .collect(Collectors.joining(", ")) + "); --resolve pulls the tag as it is now");
      }
      if (listed.get().available()) {
        outcomes.add(new Outcome(listed.get().platform().toString(), "already present", null, listed.get().digest()));
        continue;
      }
      store.backfill(image, reference, listed.get().platform(), progress);
      outcomes.add(new Outcome(listed.get().platform().toString(), "back-filled from the stored index", null,
          listed.get().digest()));
    }
    return new Report(reference.familiarString(), image.id(), image.id(), outcomes, false);
  }

  private Report refresh(Reference reference, Image before, List<Platform> platforms) {
    if (platforms.isEmpty()) {
      store.pull(reference, null, progress);
    }
    for (Platform platform : platforms) {
      store.pull(reference, platform, progress);
    }
    List<Image> images = store.images();
    Image after = find(images, reference).orElseThrow();
    List<Outcome> outcomes = new ArrayList<>();
    for (Platform platform : platforms) {
      Digest old = variantOf(before, platform);
      Digest now = variantOf(after, platform);
      String action = old == null ? "pulled" : old.equals(now) ? "unchanged" : "refreshed";
      outcomes.add(new Outcome(platform.toString(), action, old, now));
    }
    boolean oldKept = !before.id().equals(after.id())
        && images.stream().anyMatch(i -> i.id().equals(before.id()) && !i.isDangling());
    return new Report(reference.familiarString(), before.id(), after.id(), outcomes, oldKept);
  }

  private static Digest variantOf(Image image, Platform platform) {
    return image.present().stream().filter(v -> v.platform().matches(platform)).map(Variant::digest)
        .findFirst().orElse(null);
  }

  /** The stored image a reference names: by tag, or by digest (index digest or a digest reference). */
  private static Optional<Image> find(List<Image> images, Reference reference) {
    return images.stream().filter(image -> reference.tag().isPresent()
        ? image.tags().contains(reference)
        : image.id().equals(reference.digest().orElseThrow())
            && (image.digestRefs().stream().anyMatch(r -> r.name().equals(reference.name()))
                || image.tags().stream().anyMatch(r -> r.name().equals(reference.name()))))
        .findFirst();
  }
}
