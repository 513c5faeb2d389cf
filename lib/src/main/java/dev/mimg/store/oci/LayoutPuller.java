package dev.mimg.store.oci;

import dev.mimg.model.Descriptor;
import dev.mimg.model.Digest;
import dev.mimg.model.Image;
import dev.mimg.model.ImageIndex;
import dev.mimg.model.ImageManifest;
import dev.mimg.model.MediaTypes;
import dev.mimg.model.Platform;
import dev.mimg.model.PlatformMatcher;
import dev.mimg.model.Reference;
import dev.mimg.registry.Fetched;
import dev.mimg.registry.RegistryClient;
import dev.mimg.registry.RegistryException;
import dev.mimg.store.PullEvent;
import dev.mimg.store.StoreException;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Pulls from a registry into a layout, in the layout's write order: layers and config, then the platform's
 * manifest, then the index, all verified; the name ({@link LayoutNaming}) comes last, so a crash never leaves a
 * name pointing at missing content (the blobs it leaves are unnamed, for {@link OciLayout#gc(java.time.Duration)}).
 */
final class LayoutPuller {


  private final RegistryClient registry;
  private final OciLayout layout;
  private final Platform host;

  /** A puller from {@code registry} into {@code layout}; {@code host} picks the default platform of an index. */
  LayoutPuller(RegistryClient registry, OciLayout layout, Platform host) {
    this.registry = registry;
    this.layout = layout;
    this.host = host;
  }

  /** Fetches what {@code reference} names now (one platform, the host's default when null) and names it. */
  void pull(Reference reference, Platform platform, Consumer<PullEvent> progress) {
    pull(reference, platform, progress, (index, subject) -> List.of(ChildChooser.choose(index, platform, host,
        subject)));
  }

  /**
   * Fetches every platform the index {@code reference} names lists (a single manifest: that one) and names it:
   * manifests, configs and layers all through one {@link BlobFetcher}, each manifest's blobs as soon as it is in.
   */
  void pullAll(Reference reference, Consumer<PullEvent> progress) {
    pull(reference, null, progress, (index, subject) -> ChildChooser.everyPlatform(index, host, subject));
  }

  private void pull(Reference reference, Platform platform, Consumer<PullEvent> progress,
      BiFunction<ImageIndex, String, List<Descriptor>> children) {
    String subject = reference.familiarString();
    progress.accept(new PullEvent(reference.tag().orElse(""), "Pulling from " + reference.familiarName(), 0, 0));
    Fetched top = registry.manifest(reference);
    Descriptor entry = Descriptor.of(top.mediaType(), top.digest(), top.size());
    List<Digest> content = new ArrayList<>(List.of(top.digest()));
    if (MediaTypes.isIndex(top.mediaType())) {
      List<Digest> chosen = children.apply(top.index(), subject).stream().map(Descriptor::digest).toList();
      content.addAll(fetchManifests(reference, chosen, progress, subject));
    } else if (MediaTypes.isManifest(top.mediaType())) {
      ImageManifest manifest = top.manifest();
      if (platform != null && manifest.config() != null) {
        new BlobFetcher(registry, layout, progress).fetch(reference, List.of(manifest.config()));
        checkPlatform(manifest.config(), platform, subject);
      }
      content.addAll(fetchContent(reference, manifest, progress));
    } else {
      throw new StoreException("cannot pull " + subject + ": unsupported media type " + top.mediaType());
    }
    put(top);
    Reference name = reference.tag().isPresent()
        ? Reference.parse(reference.name() + ":" + reference.tag().orElseThrow())
        : Reference.parse(reference.name() + "@" + top.digest());
    LayoutNaming.name(layout, name, entry, content);
    progress.accept(new PullEvent("", "Digest: " + top.digest(), 0, 0));
  }

  /** Fetches {@code platform} of the stored index {@code image} by digest from {@code repository}; names stay. */
  void backfill(Image image, Reference repository, Platform platform, Consumer<PullEvent> progress) {
    String subject = repository.familiarName() + "@" + image.id().shortId();
    if (!layout.hasBlob(image.id())) {
      throw new StoreException("the index " + image.id().shortId() + " of " + repository.familiarName()
          + " is not in " + layout.directory() + "; use --resolve to pull the tag as it is now");
    }
    Digest child = image.id();
    if (MediaTypes.isIndex(image.mediaType())) {
      child = ChildChooser.choose(layout.readIndexBlob(image.id()), platform, host, "the stored index of " + subject)
          .digest();
    }
    try {
      fetchManifests(repository, List.of(child), progress, subject);
    } catch (RegistryException e) {
      if (e.status() == 404) {
        throw new StoreException("the registry no longer has " + platform + " (" + child.shortId()
            + ") of the stored index " + image.id().shortId() + " of " + repository.familiarName()
            + "; use --resolve to pull the tag as it is now", e);
      }
      throw e;
    }
  }

  /**
   * The manifests {@code digests} of {@code repository}, their configs and layers, stored bottom-up (each manifest's
   * blobs start downloading as soon as it is in, on the same threads; the manifests are stored, at once, when every
   * blob is); the digests of all of them.
   */
  private List<Digest> fetchManifests(Reference repository, List<Digest> digests, Consumer<PullEvent> progress,
      String subject) {
    Map<Digest, Fetched> fetched = new ConcurrentHashMap<>();
    BlobFetcher fetcher = new BlobFetcher(registry, layout, progress);
    try {
      for (Digest digest : new LinkedHashSet<>(digests)) {
        fetcher.run(() -> {
          Fetched manifest = fetchManifest(repository, digest, subject);
          fetcher.submit(repository, blobsOf(manifest.manifest()));
          fetched.put(digest, manifest);
        });
      }
      fetcher.awaitAll();
      fetched.values().forEach(manifest -> fetcher.run(() -> put(manifest))); // every blob is in: the manifests
      fetcher.awaitAll();
    } finally {
      fetcher.close();
    }
    List<Digest> content = new ArrayList<>();
    for (Fetched manifest : fetched.values()) {
      blobsOf(manifest.manifest()).forEach(blob -> content.add(blob.digest()));
    }
    content.addAll(digests);
    return content;
  }

  private Fetched fetchManifest(Reference repository, Digest digest, String subject) {
    Fetched fetched = registry.manifest(repository, digest);
    if (!MediaTypes.isManifest(fetched.mediaType())) {
      throw new StoreException("cannot pull " + subject + ": " + digest.shortId() + " is a " + fetched.mediaType()
          + ", not an image manifest");
    }
    return fetched;
  }

  /** Fetches a manifest's config and layers; returns their digests. */
  private List<Digest> fetchContent(Reference repository, ImageManifest manifest, Consumer<PullEvent> progress) {
    List<Descriptor> blobs = blobsOf(manifest);
    new BlobFetcher(registry, layout, progress).fetch(repository, blobs);
    return blobs.stream().map(Descriptor::digest).toList();
  }

  /** A manifest's layers, then its config (the order a layout is written in). */
  private static List<Descriptor> blobsOf(ImageManifest manifest) {
    List<Descriptor> blobs = new ArrayList<>(manifest.layers());
    if (manifest.config() != null) {
      blobs.add(manifest.config());
    }
    return blobs;
  }

  /** A single manifest has no index to choose from: its config must be of the platform asked for. */
  private void checkPlatform(Descriptor configBlob, Platform platform, String subject) {
    var config = layout.readJsonBlob(configBlob.digest());
    Platform actual = dev.mimg.model.PlatformJson.ofConfig(config);
    if (!PlatformMatcher.strict(platform).matches(actual)) {
      throw new StoreException(subject + " is a single-platform image of " + actual + ", not " + platform);
    }
  }

  private void put(Fetched fetched) {
    layout.putBlob(fetched.digest(), fetched.size(), new ByteArrayInputStream(fetched.bytes()));
  }
}
