package dev.mimg.store.registry;

import dev.mimg.model.Descriptor;
import dev.mimg.model.Digest;
import dev.mimg.model.Image;
import dev.mimg.model.ImageConfigs;
import dev.mimg.model.ImageLookup;
import dev.mimg.model.ImageIndex;
import dev.mimg.model.ImageManifest;
import dev.mimg.model.ImageName;
import dev.mimg.model.InvalidInputException;
import dev.mimg.model.Json;
import dev.mimg.model.JsonObject;
import dev.mimg.model.MediaTypes;
import dev.mimg.model.Platform;
import dev.mimg.model.PlatformJson;
import dev.mimg.model.Reference;
import dev.mimg.model.Variant;
import dev.mimg.registry.Fetched;
import dev.mimg.registry.RegistryClient;
import dev.mimg.registry.RegistryException;
import dev.mimg.store.BoundedParallel;
import dev.mimg.store.ImageStore;
import dev.mimg.store.InspectObject;
import dev.mimg.store.PlannedRemoval;
import dev.mimg.store.PullEvent;
import dev.mimg.store.StoreException;
import dev.mimg.store.StoreUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A registry's repositories under a prefix as a store (changed through {@link RegistryChanges}; images come in by
 * push, {@code mimg cp}, never by pull): each tag's index or manifest an
 * image (one image per digest, its tags as names, as the engine lists them), every child an index names a variant
 * (present: a registry holds what its indexes name; a child it does not have is shown missing, with a notice that
 * the index is broken), created and labels from the config. Each tag's digest is asked with a HEAD; manifests and
 * configs come from a cache by digest ({@link ContentCache}) when it holds them, so a second listing asks only for
 * tags and the digests they name now.
 */
public final class RegistryStore implements ImageStore {

  private static final int MAX_CONFIG_BYTES = 16 << 20;
  private static final String GC_NOTICE = "the registry keeps the blobs until its garbage collection runs "
      + "(for the distribution registry: registry garbage-collect CONFIG, with the registry stopped or read-only)";

  private final String domain;
  private final String prefix;
  private final RegistryClient client;
  private final Platform host;
  private final ContentCache content;
  private final RegistryBlobs blobs;
  private final RegistryChanges changes;
  private final Referrers referrers;
  private final Map<Digest, JsonObject> configs = new ConcurrentHashMap<>();
  private final List<String> notices = java.util.Collections.synchronizedList(new ArrayList<>());

  private RegistryStore(String domain, String prefix, RegistryClient client, Platform host, ContentCache content) {
    this.content = content;
    this.blobs = new RegistryBlobs(client, content);
    this.referrers = new Referrers(client);
    this.changes = new RegistryChanges(client, blobs, this::tagsNow, referrers);
    this.domain = domain;
    this.prefix = prefix;
    this.client = client;
    this.host = host;
  }

  /**
   * The store {@code HOST[/PREFIX]} names (the part after {@code registry:}), through {@code client}; manifests and
   * configs cached in the user's cache ({@link ContentCache}).
   */
  public static RegistryStore open(String spec, RegistryClient client, Platform host) {
    return open(spec, client, host, ContentCache.user());
  }

  static RegistryStore open(String spec, RegistryClient client, Platform host, ContentCache content) {
    int slash = spec.indexOf('/');
    String domain = slash < 0 ? spec : spec.substring(0, slash);
    String prefix = slash < 0 ? "" : spec.substring(slash + 1).replaceAll("/+$", "");
    try {
      Reference.parse(domain + "/" + (prefix.isEmpty() ? "x" : prefix));
    } catch (InvalidInputException e) {
      throw new InvalidInputException("invalid store \"registry:" + spec + "\": expected registry:HOST[/PREFIX] ("
          + e.getMessage() + ")");
    }
    if (!domain.contains(".") && !domain.contains(":") && !domain.equals("localhost")) {
      throw new InvalidInputException("invalid store \"registry:" + spec + "\": " + domain
          + " is no registry host (give one with a dot or a port, e.g. registry:ghcr.io/org)");
    }
    return new RegistryStore(domain, prefix, client, host, content);
  }

  @Override
  public List<Image> images() {
    List<String> repositories = repositories();
    Map<String, List<String>> tags = new LinkedHashMap<>();
    BoundedParallel.run(repositories, BoundedParallel.DEFAULT_PARALLELISM, repo -> client.tags(reference(repo)))
        .forEach((repo, listed) -> tags.put(repo, BoundedParallel.join(listed)));
    List<Reference> named = new ArrayList<>();
    List<Reference> referrerTags = new ArrayList<>();
    tags.forEach((repo, list) -> list.forEach(tag -> (Referrers.subjectOf(tag).isPresent() ? referrerTags : named)
        .add(Reference.parse(domain + "/" + repo + ":" + tag))));
    Map<Digest, List<Reference>> byDigest = new LinkedHashMap<>();
    BoundedParallel.run(named, BoundedParallel.DEFAULT_PARALLELISM, ref -> tagged(ref).digest())
        .forEach((ref, digest) -> byDigest.computeIfAbsent(BoundedParallel.join(digest), d -> new ArrayList<>())
            .add(ref));
    Map<Digest, List<Descriptor>> tagSchema = new ConcurrentHashMap<>();
    BoundedParallel.run(referrerTags, BoundedParallel.DEFAULT_PARALLELISM, ref -> tagged(ref).index().manifests())
        .forEach((ref, listed) -> tagSchema.merge(Referrers.subjectOf(ref.tag().orElseThrow()).orElseThrow(),
            BoundedParallel.join(listed), (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream())
                .distinct().toList()));
    List<Digest> digests = List.copyOf(byDigest.keySet());
    List<Image> images = new ArrayList<>();
    BoundedParallel.run(digests, BoundedParallel.DEFAULT_PARALLELISM, digest -> image(digest, byDigest.get(digest),
        tagSchema)).values().forEach(image -> images.add(BoundedParallel.join(image)));
    return images;
  }

  /** Every tag of the repository and the digest it names now. */
  private Map<String, Digest> tagsNow(Reference repository) {
    Map<String, Digest> digests = new LinkedHashMap<>();
    List<String> tags = client.tags(repository);
    BoundedParallel.run(tags, BoundedParallel.DEFAULT_PARALLELISM,
        tag -> tagged(Reference.parse(repository.name() + ":" + tag)).digest())
        .forEach((tag, digest) -> digests.put(tag, BoundedParallel.join(digest)));
    return digests;
  }

  /** The repositories under the prefix: from the catalog, or the prefix itself where the catalog is not offered. */
  private List<String> repositories() {
    List<String> all;
    try {
      all = client.catalog(domain);
    } catch (RegistryException e) {
      if (!prefix.isEmpty() && (e.status() == 401 || e.status() == 403 || e.status() == 404)) {
        return List.of(prefix);
      }
      throw e;
    }
    return all.stream().filter(repo -> prefix.isEmpty() || repo.equals(prefix) || repo.startsWith(prefix + "/"))
        .toList();
  }

  /**
   * The manifest a tag names now: its digest by a HEAD, the bytes from the cache when it holds them (verified),
   * else fetched by that digest (verified) and cached.
   */
  private Fetched tagged(Reference tag) {
    Optional<Digest> digest = client.digest(tag);
    if (digest.isEmpty()) {
      return content.put(client.manifest(tag));
    }
    return manifest(tag, digest.get());
  }

  private Fetched manifest(Reference repository, Digest digest) {
    return blobs.manifest(repository, digest);
  }

  private Reference reference(String repository) {
    return Reference.parse(domain + "/" + repository);
  }

  private Image image(Digest digest, List<Reference> tags) {
    return image(digest, tags, Map.of());
  }

  /**
   * The image a digest names under these tags; its referrers and its children's (from the referrers API, and in
   * {@code tagSchema} by subject) each add a variant of kind attestation.
   */
  private Image image(Digest digest, List<Reference> tags, Map<Digest, List<Descriptor>> tagSchema) {
    Fetched top = content.get(digest).orElseThrow();
    Reference repository = tags.get(0);
    List<ImageName> names = tags.stream().map(ImageName::of).toList();
    List<Reference> digestRefs = tags.stream().map(ref -> Reference.parse(ref.name() + "@" + digest)).distinct()
        .toList();
    List<Variant> variants = new ArrayList<>();
    Map<Digest, JsonObject> variantConfigs = new LinkedHashMap<>();
    if (MediaTypes.isIndex(top.mediaType())) {
      ImageIndex index = top.index();
      for (Descriptor child : index.manifests()) {
        variants.add(child(repository, top, child, variantConfigs));
      }
    } else {
      ImageManifest manifest = top.manifest();
      JsonObject config = config(repository, manifest);
      variantConfigs.put(digest, config);
      variants.add(new Variant(digest, PlatformJson.ofConfig(config), Variant.Kind.IMAGE, true,
          manifest.contentSize(top.size()), 0, List.of(), null));
    }
    for (Digest subject : java.util.stream.Stream.concat(java.util.stream.Stream.of(digest),
        variants.stream().map(Variant::digest)).toList()) {
      for (Descriptor referrer : referrers.of(repository, subject, tagSchema.getOrDefault(subject, List.of()))) {
        variants.add(referrer(repository, referrer, subject));
      }
    }
    JsonObject best = createdFrom(variants, variantConfigs);
    return new Image(digest, top.mediaType(), names, digestRefs, ImageConfigs.created(best),
        List.copyOf(variants), ImageConfigs.labels(best));
  }

  /** One child of an index as a variant; its config, when it has one, goes into {@code variantConfigs}. */
  private Variant child(Reference repository, Fetched index, Descriptor child,
      Map<Digest, JsonObject> variantConfigs) {
    Variant.Kind kind = child.isAttestation() ? Variant.Kind.ATTESTATION : Variant.Kind.IMAGE;
    String subject = child.annotations().get(Descriptor.REFERENCE_DIGEST_ANNOTATION);
    Digest attestationFor = kind == Variant.Kind.ATTESTATION && subject != null ? Digest.parse(subject) : null;
    Fetched fetched;
    try {
      fetched = manifest(repository, child.digest());
    } catch (RegistryException e) {
      if (e.status() != 404) {
        throw e;
      }
      notices.add("the index " + index.digest().shortId() + " of " + repository.familiarName() + " is broken: the "
          + "registry does not have its child " + child.digest());
      return new Variant(child.digest(), child.declaredPlatform().orElse(Platform.UNKNOWN), kind, false, 0, 0,
          List.of(), attestationFor);
    }
    ImageManifest manifest = fetched.manifest();
    Platform platform = child.declaredPlatform().orElse(Platform.UNKNOWN);
    if (kind == Variant.Kind.IMAGE && manifest.config() != null) {
      JsonObject config = config(repository, manifest);
      variantConfigs.put(child.digest(), config);
      if (platform.equals(Platform.UNKNOWN)) {
        platform = PlatformJson.ofConfig(config);
      }
    }
    return new Variant(child.digest(), platform, kind, true, manifest.contentSize(fetched.size()), 0, List.of(),
        attestationFor);
  }

  /** A referrer (a signature, an SBOM) of {@code subject} as a present attestation variant of the subject's image. */
  private Variant referrer(Reference repository, Descriptor referrer, Digest subject) {
    Fetched fetched = manifest(repository, referrer.digest());
    ImageManifest manifest = fetched.manifest();
    return new Variant(referrer.digest(), Platform.UNKNOWN, Variant.Kind.ATTESTATION, true,
        manifest.contentSize(fetched.size()), 0, List.of(), subject);
  }

  /** The image config of a manifest, cached by digest; null when it is no JSON config of a sane size. */
  private JsonObject config(Reference repository, ImageManifest manifest) {
    Descriptor config = manifest.config();
    if (config == null || config.size() > MAX_CONFIG_BYTES) {
      return null;
    }
    return configs.computeIfAbsent(config.digest(), digest -> {
      try {
        Fetched bytes = content.get(digest).orElse(null);
        if (bytes == null) {
          try (InputStream in = client.blob(repository, config)) {
            bytes = content.put(new Fetched(in.readAllBytes(), config.mediaType(), digest)); // verified as read
          }
        }
        return Json.parse(bytes.bytes()).asObject("image config");
      } catch (IOException | IllegalArgumentException e) {
        throw new RegistryException(repository.familiarName() + ": the config " + digest + " could not be read: "
            + dev.mimg.model.JsonErrors.oneLine(e), e);
      }
    });
  }

  /** The engine's choice of the config that dates an image: the host's present variant's, else the first one's. */
  private JsonObject createdFrom(List<Variant> variants, Map<Digest, JsonObject> configs) {
    JsonObject first = null;
    for (Variant variant : variants) {
      JsonObject config = configs.get(variant.digest());
      if (variant.isPresent() && config != null) {
        if (variant.platform().matches(host)) {
          return config;
        }
        first = first == null ? config : first;
      }
    }
    return first;
  }

  @Override
  public Json inspect(Image image, Variant variant) {
    Reference repository = image.digestRefs().get(0);
    Fetched fetched = manifest(repository, variant.digest());
    ImageManifest manifest = fetched.manifest();
    JsonObject config = config(repository, manifest);
    Descriptor descriptor = Descriptor.of(fetched.mediaType(), variant.digest(), fetched.size());
    return InspectObject.of(image, variant, descriptor, config == null ? Json.object() : config);
  }

  @Override
  public Map<String, String> containerNames() {
    return Map.of();
  }

  @Override
  public Optional<Image> current(Image image) {
    List<Reference> still = new ArrayList<>();
    for (Reference tag : image.tags()) {
      if (client.digest(tag).map(image.id()::equals).orElse(false)) {
        still.add(tag);
      }
    }
    return still.isEmpty() ? Optional.empty() : Optional.of(image(image.id(), still));
  }

  @Override
  public Optional<String> untagRefusal(Image image) {
    return changing(() -> changes.untagRefusal(image));
  }

  @Override
  public List<String> planNotices(List<Image> images, List<PlannedRemoval> removals) {
    return changes.planNotices(images, removals, prefix.isEmpty());
  }

  @Override
  public long contentBytes(List<Image> images) {
    return blobs.bytes(images);
  }

  @Override
  public boolean rewritesImages() {
    return true;
  }

  @Override
  public void removeVariants(String name, List<Variant> variants) {
    Reference reference = Reference.parse(name);
    Image image = images().stream().filter(i -> ImageLookup.names(i, reference)).findFirst()
        .orElseThrow(() -> new StoreException("changed meanwhile: " + name + " is gone"));
    changing(() -> {
      changes.removeVariants(image, variants);
      return null;
    });
    gcNotice();
  }

  @Override
  public void untag(Image image, List<ImageName> names) {
    changing(() -> {
      changes.untag(image, names);
      return null;
    });
  }

  @Override
  public void removeImage(Image image) {
    changing(() -> {
      changes.removeImage(image);
      return null;
    });
    gcNotice();
  }

  private void gcNotice() {
    if (!notices.contains(GC_NOTICE)) {
      notices.add(GC_NOTICE);
    }
  }

  /** A registry failure as a store's: one the registry did not answer stops the removal. */
  private static <T> T changing(java.util.function.Supplier<T> change) {
    try {
      return change.get();
    } catch (RegistryException e) {
      if (e.status() == 0 || e.status() >= 500) {
        throw new StoreUnavailableException(e.getMessage(), e);
      }
      throw new StoreException(e.getMessage(), e);
    }
  }

  @Override
  public void pull(Reference reference, Platform platform, Consumer<PullEvent> progress) {
    throw notByPull("pull into it");
  }

  @Override
  public void backfill(Image image, Reference repository, Platform platform, Consumer<PullEvent> progress) {
    throw notByPull("back-fill " + image.name());
  }

  private StoreException notByPull(String what) {
    return new StoreException("cannot " + what + ": " + describe() + " takes images by push (mimg cp), not by pull");
  }

  /** The part of the store's spec after {@code registry:}: {@code HOST[/PREFIX]}. */
  public String spec() {
    return domain + (prefix.isEmpty() ? "" : "/" + prefix);
  }

  @Override
  public String describe() {
    return "registry " + domain + (prefix.isEmpty() ? "" : "/" + prefix);
  }

  @Override
  public List<String> notices() {
    synchronized (notices) {
      List<String> all = List.copyOf(notices);
      notices.clear();
      return all;
    }
  }

  @Override
  public void close() {
  }
}
