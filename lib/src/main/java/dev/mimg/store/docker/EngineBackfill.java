package dev.mimg.store.docker;

import dev.mimg.model.Digest;
import dev.mimg.model.Image;
import dev.mimg.model.ImageName;
import dev.mimg.model.Platform;
import dev.mimg.model.Reference;
import dev.mimg.registry.RegistryClient;
import dev.mimg.store.PullEvent;
import dev.mimg.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Back-fills one platform into a stored image without moving its tags. The engine has no back-fill call: while the
 * registry's tag still names the stored index, pulling that tag for the platform fetches it into the same index and
 * creates no name; otherwise the stored index is pulled by digest ({@code repo@sha256:...}), which leaves a by-digest
 * name. The engine deletes that name only together with every tag of its repository, so guard names hold the image
 * and record the tags meanwhile ({@code mimg-backfill-guard/<hex of the repository>:<tag>}); the tags are put back
 * and the guards dropped. A run killed in between leaves the guards: the store reports them in every listing, with
 * the commands that restore the tags, and the next mutating command restores them itself.
 */
final class EngineBackfill {

  /** The repository under which guard names live. */
  static final String GUARD_REPOSITORY = "mimg-backfill-guard";
  private static final int MAX_NAME = 255;

  private final DockerEngineStore store;
  private final EngineClient client;
  private final Supplier<RegistryClient> registry;
  private final List<String> notices;

  EngineBackfill(DockerEngineStore store, EngineClient client, Supplier<RegistryClient> registry,
      List<String> notices) {
    this.store = store;
    this.client = client;
    this.registry = registry;
    this.notices = notices;
  }

  /** Fetches {@code platform} into {@code image} from the index stored under {@code repository}. */
  void backfill(Image image, Reference repository, Platform platform, Consumer<PullEvent> progress) {
    if (repository.tag().isPresent() && registryStillNames(repository, image.id())) {
      store.pull(repository, platform, progress);
      Optional<Image> after = store.named(repository);
      if (after.isEmpty() || after.get().id().equals(image.id())) {
        return;
      }
      // the registry moved the tag between the check and the pull: put it back, then pull by digest
      tag(image.id(), repository);
      notices.add("the registry moved " + repository.familiarString() + " during the back-fill; it stays on the "
          + "stored index " + image.shortId() + " (the index pulled meanwhile, " + after.get().shortId()
          + ", is left unnamed)");
    }
    byDigest(image, repository, platform, progress);
  }

  private boolean registryStillNames(Reference tag, Digest id) {
    try {
      return registry.get().manifest(tag).digest().equals(id);
    } catch (RuntimeException unknown) {
      return false; // the engine may reach registries mimg does not: pull by digest, which moves nothing
    }
  }

  private void byDigest(Image image, Reference repository, Platform platform, Consumer<PullEvent> progress) {
    Reference byDigest = Reference.parse(repository.name() + "@" + image.id());
    boolean named = hasDigestName(byDigest);
    // SIGTERM during the pull must not leave a by-digest name the user never had
    Thread onInterrupt = new Thread(() -> {
      if (!named && hasDigestName(byDigest)) {
        removeDigestName(image, byDigest);
      }
    }, "mimg-backfill-cleanup");
    Runtime.getRuntime().addShutdownHook(onInterrupt);
    try {
      store.pull(byDigest, platform, progress);
    } catch (StoreException e) {
      if (e.getMessage().contains("not found")) {
        throw new StoreException("the registry no longer has the stored index " + image.id().shortId() + " of "
            + repository.familiarName() + "; use --resolve to pull the tag as it is now");
      }
      throw e;
    } finally {
      removeHook(onInterrupt);
    }
    if (!named) {
      removeDigestName(image, byDigest);
    }
  }

  private boolean hasDigestName(Reference byDigest) {
    return store.named(byDigest).map(i -> i.names().stream().anyMatch(n -> byDigest.equals(n.reference())))
        .orElse(false);
  }

  /**
   * Removes the by-digest name a back-fill left. Its delete also untags every tag of that repository, so guard
   * names hold the image and record those tags, which are put back right after (also on SIGTERM).
   */
  private void removeDigestName(Image image, Reference byDigest) {
    Image now = store.current(image).orElse(image);
    List<Reference> tags = now.tags().stream().filter(t -> t.name().equals(byDigest.name())).toList();
    List<Reference> guards = tags.stream().map(EngineBackfill::guardFor).toList();
    guards.forEach(guard -> tag(image.id(), guard));
    Thread onInterrupt = new Thread(() -> restore(image.id(), tags, guards), "mimg-restore-tags");
    Runtime.getRuntime().addShutdownHook(onInterrupt);
    try {
      client.delete("/images/" + byDigest);
    } finally {
      removeHook(onInterrupt);
      restore(image.id(), tags, guards);
    }
  }

  /** Puts the tags back on the image and drops the guards; when the engine fails, says how to do it by hand. */
  private void restore(Digest id, List<Reference> tags, List<Reference> guards) {
    try {
      tags.forEach(tag -> tag(id, tag));
      guards.forEach(guard -> client.delete("/images/" + guard));
    } catch (StoreException e) {
      throw new StoreException("the back-fill was interrupted after the engine untagged "
          + tags.stream().map(Reference::familiarString).collect(Collectors.joining(", ")) + " (" + e.getMessage()
          + "); restore with: " + commands(id, tags, guards) + " (the next mimg pull, rm or prune does it itself)", e);
    }
  }

  /** The guard that records {@code tag}: {@code mimg-backfill-guard/<hex of its repository>:<tag>}. */
  static Reference guardFor(Reference tag) {
    String hex = HexFormat.of().formatHex(tag.name().getBytes(StandardCharsets.UTF_8));
    Reference guard = Reference.parse(GUARD_REPOSITORY + "/" + hex + ":" + tag.tag().orElseThrow());
    if (guard.name().length() > MAX_NAME) {
      throw new StoreException("cannot back-fill " + tag.familiarString() + " by digest: its name is too long to "
          + "guard its tags; pull it with --resolve");
    }
    return guard;
  }

  /** The tag a guard name records, if it is one. */
  static Optional<Reference> guarded(ImageName name) {
    Reference guard = name.reference();
    if (guard == null || !name.isTag() || !guard.path().startsWith(GUARD_REPOSITORY + "/")) {
      return Optional.empty();
    }
    try {
      String repository = new String(HexFormat.of().parseHex(guard.path().substring(GUARD_REPOSITORY.length() + 1)),
          StandardCharsets.UTF_8);
      return Optional.of(Reference.parse(repository + ":" + guard.tag().orElseThrow()));
    } catch (IllegalArgumentException notOurs) {
      return Optional.empty();
    }
  }

  /** One notice per guard an interrupted back-fill left in {@code images}, with the commands that restore it. */
  static List<String> notices(List<Image> images) {
    List<String> notices = new ArrayList<>();
    for (Image image : images) {
      for (ImageName name : image.names()) {
        guarded(name).ifPresent(tag -> notices.add("an interrupted back-fill left " + tag.familiarString()
            + " untagged (" + name + " holds " + image.shortId() + "): the next mimg pull, rm or prune restores it, "
            + "or now: " + commands(image.id(), List.of(tag), List.of(name.reference()))));
      }
    }
    return notices;
  }

  /** Restores every tag the guards in {@code images} record (a tag now naming another image is left, with a notice). */
  void recover(List<Image> images) {
    for (Image image : images) {
      for (ImageName name : image.names()) {
        Optional<Reference> tag = guarded(name);
        if (tag.isEmpty()) {
          continue;
        }
        Optional<Image> holder = store.named(tag.get());
        if (holder.isPresent() && !holder.get().id().equals(image.id())) {
          notices.add(tag.get().familiarString() + " now names " + holder.get().shortId() + ", not the image "
              + image.shortId() + " an interrupted back-fill guarded; remove the guard when done: docker rmi " + name);
          continue;
        }
        if (holder.isEmpty()) {
          tag(image.id(), tag.get());
        }
        client.delete("/images/" + name.reference());
        notices.add("restored " + tag.get().familiarString() + ", which an interrupted back-fill had untagged");
      }
    }
  }

  private void tag(Digest id, Reference tag) {
    client.stream("/images/" + id + "/tag?repo=" + EngineClient.encode(tag.name()) + "&tag="
        + EngineClient.encode(tag.tag().orElseThrow()), java.util.Map.of(), ignored -> { });
  }

  private static String commands(Digest id, List<Reference> tags, List<Reference> guards) {
    List<String> commands = new ArrayList<>();
    tags.forEach(tag -> commands.add("docker tag " + id.shortId() + " " + tag.familiarString()));
    guards.forEach(guard -> commands.add("docker rmi " + guard.familiarString()));
    return String.join(" && ", commands);
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the JVM is exiting: the hook runs
    }
  }
}
