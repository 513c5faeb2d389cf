package dev.mimg.store.oci;

import dev.mimg.model.ContentPart;
import dev.mimg.model.Descriptor;
import dev.mimg.model.Digest;
import dev.mimg.model.Image;
import dev.mimg.model.ImageLookup;
import dev.mimg.model.ImageName;
import dev.mimg.model.ImageIndex;
import dev.mimg.model.ImageManifest;
import dev.mimg.model.Json;
import dev.mimg.model.MediaTypes;
import dev.mimg.model.Platform;
import dev.mimg.model.Reference;
import dev.mimg.model.Variant;
import dev.mimg.registry.RegistryClient;
import dev.mimg.store.ImageStore;
import dev.mimg.store.InspectObject;
import dev.mimg.store.PullEvent;
import dev.mimg.store.StoreException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An OCI image layout directory as an image store, with the Docker engine's semantics: an image's id is the digest
 * of its index (or single manifest); several {@code index.json} entries with one digest are one image with several
 * names; a variant is available when its manifest, config and every layer are present (a shallow image lists the
 * others as missing, size 0); content size is manifest + config + layers; unpacked size is 0 (a layout unpacks
 * nothing); created is the config's {@code created} of the host platform's variant, else of the first available one.
 *
 * <p>Names come from {@code org.opencontainers.image.ref.name}: a full reference as mimg and
 * {@code crane pull --annotate-ref} write it ({@code 127.0.0.1:5123/mimg/alpine:3.16}), or a bare tag as skopeo
 * writes it ({@code 3.16}), listed as {@code <layout directory name>:<tag>} (the directory name lower-cased, other
 * characters turned into '-'). An entry without a name is an untagged (dangling) image. The layout has no
 * containers. A pull writes content bottom-up and the name last ({@link LayoutPuller}); a pull by digest names the
 * entry {@code repo@sha256:...} (a digest reference, not a tag); a tag that moves leaves its old image unnamed.
 */
public final class OciLayoutStore implements ImageStore {

  private final OciLayout layout;
  private final Platform host;
  private RegistryClient registry;
  private boolean ownsRegistry;
  private final Set<String> notices = Collections.synchronizedSet(new LinkedHashSet<>());

  /** A store over an opened layout; the host platform picks the variant whose config dates an index. */
  public OciLayoutStore(OciLayout layout, Platform host) {
    this(layout, host, null);
  }

  /**
   * Like {@link #OciLayoutStore(OciLayout, Platform)}, pulling through {@code registry} (null: one from the
   * environment).
   */
  public OciLayoutStore(OciLayout layout, Platform host, RegistryClient registry) {
    this.layout = layout;
    this.host = host;
    this.registry = registry;
  }

  /** Opens the layout in {@code directory} as a store (one-line {@link StoreException} when it is none). */
  public static OciLayoutStore open(Path directory) {
    return new OciLayoutStore(OciLayout.open(directory), Platform.host());
  }

  /** The underlying layout, for its blob and index primitives. */
  public OciLayout layout() {
    return layout;
  }

  @Override
  public List<Image> images() {
    for (int attempt = 1; ; attempt++) {
      List<String> found = new ArrayList<>();
      try {
        List<Image> images = reader().images(found);
        notices.addAll(found);
        return images;
      } catch (StoreException vanished) {
        // reads take no lock: a removal in another process may delete a blob between reading index.json (or
        // "present?") and reading the blob; a fresh reading sees the layout after that removal. A corrupt layout
        // stays corrupt, and the last reading reports it
        if (attempt == 3) {
          throw vanished;
        }
      }
    }
  }

  /** The variant's blobs present in the layout (manifest, config, layers), each at its size on disk. */
  @Override
  public List<ContentPart> contentParts(Image image, Variant variant) {
    List<ContentPart> parts = new ArrayList<>();
    if (layout.hasBlob(variant.digest())) {
      addBlob(parts, variant.digest());
      ImageManifest manifest = layout.readManifestBlob(variant.digest());
      if (manifest.config() != null) {
        addBlob(parts, manifest.config().digest());
      }
      manifest.layers().forEach(layer -> addBlob(parts, layer.digest()));
    }
    return parts;
  }

  private void addBlob(List<ContentPart> parts, Digest digest) {
    long size = layout.blobSize(digest);
    if (size >= 0) {
      parts.add(new ContentPart(digest.toString(), ContentPart.Kind.CONTENT, size));
    }
  }

  @Override
  public Json inspect(Image image, Variant variant) {
    LayoutVariant held = reader().variants(entries(image.id())).stream()
        .filter(v -> v.variant().digest().equals(variant.digest())).findFirst().orElse(null);
    if (held == null || !held.variant().available() || held.config() == null) {
      throw new StoreException("platform " + variant.platform() + " (" + variant.shortId() + ") of " + image.shortId()
          + " is not present in " + describe());
    }
    return InspectObject.of(image, held.variant(), held.descriptor(), held.config());
  }

  @Override
  public Map<String, String> containerNames() {
    return Map.of();
  }

  /**
   * Deletes the variants' manifest blobs (the index blob and the {@code index.json} entries stay: the image becomes
   * shallow), then the configs and layers nothing else reaches, all under the layout's lock. A variant that is itself
   * an {@code index.json} entry (a single-manifest image) loses that entry too.
   */
  @Override
  public void removeVariants(String name, List<Variant> variants) {
    layout.locked(() -> {
      Image image = find(name);
      Set<Digest> doomed = new HashSet<>();
      Set<Digest> candidates = new HashSet<>();
      for (Variant variant : variants) {
        if (image.variants().stream().noneMatch(v -> v.digest().equals(variant.digest()))) {
          throw new StoreException("variant " + variant.shortId() + " is not part of " + name);
        }
        doomed.add(variant.digest());
        candidates.addAll(parts(variant.digest()));
      }
      dropEntries(doomed);
      doomed.forEach(layout::deleteBlob);
      return layout.collect(candidates);
    });
  }

  /** Drops the {@code index.json} entries that carry these names, under the lock; another entry keeps the image. */
  @Override
  public void untag(Image image, List<ImageName> names) {
    Set<String> written = names.stream().map(ImageName::written).collect(java.util.stream.Collectors.toSet());
    layout.locked(() -> {
      List<Descriptor> entries = layout.index().manifests().stream().filter(d ->
          d.digest().equals(image.id())).toList();
      if (entries.stream().allMatch(d -> written.contains(d.annotations().get(OciLayout.REF_NAME_ANNOTATION)))) {
        throw new StoreException("no other name holds " + image.shortId() + " in " + describe() + ": removing "
            + String.join(", ", written) + " would delete it");
      }
      layout.updateIndex(index -> new ImageIndex(index.schemaVersion(),
          index.mediaType() == null ? MediaTypes.OCI_INDEX : index.mediaType(),
          index.manifests().stream().filter(d -> !(d.digest().equals(image.id())
              && written.contains(d.annotations().get(OciLayout.REF_NAME_ANNOTATION)))).toList(), index.annotations()));
      return null;
    });
  }

  /** Drops every {@code index.json} entry of the image, then the content nothing else reaches, under the lock. */
  @Override
  public void removeImage(Image image) {
    layout.locked(() -> {
      List<Descriptor> entries = layout.index().manifests().stream()
          .filter(d -> d.digest().equals(image.id())).toList();
      Set<Digest> candidates = ContentGraph.reachable(layout, entries);
      dropEntries(Set.of(image.id()));
      return layout.collect(candidates);
    });
  }

  /** Fetches the image the reference names now into the layout and names it last; see {@link LayoutPuller}. */
  @Override
  public void pull(Reference reference, Platform platform, Consumer<PullEvent> progress) {
    puller().pull(reference, platform, progress);
  }

  /** Fetches every platform of the index, their blobs all at once, and names it last; see {@link LayoutPuller}. */
  @Override
  public boolean pullAll(Reference reference, Consumer<PullEvent> progress) {
    puller().pullAll(reference, progress);
    return true;
  }

  /** Fetches one more platform of a stored index by digest; no name changes. */
  @Override
  public void backfill(Image image, Reference repository, Platform platform, Consumer<PullEvent> progress) {
    puller().backfill(image, repository, platform, progress);
  }

  /**
   * Names {@code target} {@code reference} in {@code index.json}, under the lock, once every blob of {@code content}
   * is still there (the last step of a copy into the layout, as of a pull).
   */
  public void name(Reference reference, Descriptor target, List<Digest> content) {
    LayoutNaming.name(layout, reference, target, content);
  }

  @Override
  public String describe() {
    return "oci-layout " + layout.directory();
  }

  @Override
  public List<String> notices() {
    synchronized (notices) {
      return List.copyOf(notices);
    }
  }

  /** Stops the registry client this store made for its pulls (one given to it stays its owner's to close). */
  @Override
  public void close() {
    synchronized (this) {
      if (ownsRegistry) {
        registry.close();
      }
    }
  }

  private LayoutPuller puller() {
    synchronized (this) {
      if (registry == null) {
        registry = RegistryClient.fromEnvironment();
        ownsRegistry = true;
      }
      return new LayoutPuller(registry, layout, host);
    }
  }

  private LayoutImages reader() {
    return new LayoutImages(layout, host);
  }

  private List<Descriptor> entries(Digest id) {
    List<Descriptor> entries = layout.index().manifests().stream().filter(d -> d.digest().equals(id)).toList();
    if (entries.isEmpty()) {
      throw new StoreException("image " + id.shortId() + " is no longer in " + describe());
    }
    return entries;
  }

  /** The image a name (tag or digest reference, full or familiar, or an id or id prefix) stands for. */
  private Image find(String name) {
    return ImageLookup.lookup(images(), name).map(ImageLookup.Found::image)
        .orElseThrow(() -> new StoreException("no image " + name + " in " + describe()));
  }

  /** The manifest and, when the manifest is present, its config and layers. */
  private Set<Digest> parts(Digest manifestDigest) {
    Set<Digest> parts = new HashSet<>(Set.of(manifestDigest));
    if (layout.hasBlob(manifestDigest)) {
      ImageManifest manifest = layout.readManifestBlob(manifestDigest);
      if (manifest.config() != null) {
        parts.add(manifest.config().digest());
      }
      manifest.layers().forEach(layer -> parts.add(layer.digest()));
    }
    return parts;
  }

  private void dropEntries(Set<Digest> digests) {
    layout.updateIndex(index -> new ImageIndex(index.schemaVersion(),
        index.mediaType() == null ? MediaTypes.OCI_INDEX : index.mediaType(),
        index.manifests().stream().filter(d -> !digests.contains(d.digest())).toList(), index.annotations()));
  }
}
