package dev.mimg.store.docker;

import dev.mimg.model.ContentPart;
import dev.mimg.model.Digest;
import dev.mimg.model.Image;
import dev.mimg.model.ImageLookup;
import dev.mimg.model.ImageName;
import dev.mimg.model.Json;
import dev.mimg.model.MediaTypes;
import dev.mimg.model.Platform;
import dev.mimg.model.Reference;
import dev.mimg.model.Timeouts;
import dev.mimg.model.Variant;
import dev.mimg.registry.RegistryClient;
import dev.mimg.store.ImageStore;
import dev.mimg.store.PullEvent;
import dev.mimg.store.StoreException;
import dev.mimg.store.docker.EngineImageSummary.EnginePlatform;
import dev.mimg.store.docker.EngineImageSummary.Manifest;
import java.time.Duration;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The Docker engine as an image store. With the containerd image store (API 1.47+) each image lists its
 * variants; on older engines or the classic graphdriver store every image has one platform, and a notice says so.
 */
public final class DockerEngineStore implements ImageStore {

  /** The oldest API version that deletes single platforms ({@code DELETE /images/{name}?platforms=}). */
  public static final ApiVersion PLATFORM_DELETE_API = ApiVersion.parse("1.50");
  /** The oldest API version whose image inspect carries the manifests ({@code ?manifests=1}). */
  static final ApiVersion INSPECT_MANIFESTS_API = ApiVersion.parse("1.48");
  private static volatile boolean once;


  private final EngineClient client;
  private final Set<String> notices = new LinkedHashSet<>();
  private final List<String> backfillNotices = java.util.Collections.synchronizedList(new ArrayList<>());
  private final EngineBackfill backfills;
  private RegistryClient registry;
  private boolean recovered;
  private Caches caches;
  /** The last listing and the watch's stamp taken before it (sessions only: see {@link #listOnce()}). */
  private EngineWatch watch;
  private List<Image> last;
  private long lastStamp = -1;

  /** A store over an engine client (owned: closing the store closes it). */
  public DockerEngineStore(EngineClient client) {
    this.client = client;
    this.backfills = new EngineBackfill(this, client, this::registry, backfillNotices);
  }

  private synchronized RegistryClient registry() {
    if (registry == null) {
      registry = RegistryClient.fromEnvironment();
    }
    return registry;
  }

  /** Connects to the engine at the endpoint (lazily: the first call talks to it). */
  public static DockerEngineStore connect(EngineEndpoint endpoint) {
    return new DockerEngineStore(new EngineClient(endpoint));
  }

  /** Connects with the API version pinned (DOCKER_API_VERSION), or negotiated when {@code version} is null. */
  public static DockerEngineStore connect(EngineEndpoint endpoint, ApiVersion version) {
    return new DockerEngineStore(new EngineClient(endpoint, version));
  }

  /** The engine client, for engine-specific calls. */
  public EngineClient client() {
    return client;
  }

  /** True when the engine keeps images in the containerd image store (its driver is a containerd snapshotter). */
  public boolean usesContainerdImageStore() {
    for (Json pair : client.get("/info").path("DriverStatus")) {
      String value = pair.path(1).asText();
      if (pair.path(0).asText().equals("driver-type") && value.startsWith("io.containerd.snapshotter")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Says that this process lists each store once (the CLI): no store watches its engine's events. Otherwise a store
   * on a local engine watches them ({@link EngineWatch}) and answers a listing again from its last one while the
   * engine reported no image or container event and this store changed nothing (after asking the engine for its
   * version, so that an engine gone away is an error as a fresh listing would give).
   */
  public static void listOnce() {
    once = true;
  }

  @Override
  public List<Image> images() {
    long stamp = -1;
    synchronized (this) {
      if (watch == null && !once) {
        watch = EngineWatch.start(client, Timeouts.fromEnvironment());
        if (watch != null) {
          watch.awaitUp(Duration.ofSeconds(1));
        }
      }
      if (watch != null) {
        stamp = watch.stamp();
        if (stamp >= 0 && stamp == lastStamp && last != null) {
          client.get("/version"); // the engine is still there (a stream can outlive a daemon that stopped answering)
          return last;
        }
      }
    }
    List<Image> images = listed();
    synchronized (this) {
      last = images;
      lastStamp = stamp;
    }
    return images;
  }

  /** This store changed the engine: the next listing asks it again. */
  private synchronized void changed() {
    last = null;
  }

  private List<Image> listed() {
    List<EngineImageSummary> summaries = client.get("/images/json?manifests=1", EngineImageSummary::listOf);
    boolean manifests = client.api().atLeast(EngineClient.MANIFESTS_API);
    boolean perPlatform = manifests && summaries.stream().allMatch(s -> s.manifests() != null);
    if (!perPlatform && !summaries.isEmpty()) {
      notices.add(manifests
          ? "this engine uses the classic graphdriver image store: one platform per image; per-platform detail "
            + "needs the containerd image store (dockerd: \"features\": {\"containerd-snapshotter\": true})"
          : "API " + client.api() + " is in use: one platform per image; per-platform detail needs API "
            + EngineClient.MANIFESTS_API + "+ (Docker 27.3+) with the containerd image store");
      return classic(summaries);
    }
    List<Image> images = summaries.stream().map(DockerEngineStore::image).toList();
    notices.addAll(EngineBackfill.notices(images));
    return images;
  }

  /** One image re-read by id: the engine's inspect carries all its names and manifests (API 1.48+). */
  @Override
  public Optional<Image> current(Image image) {
    return inspected(image.id().toString()).filter(i -> i.id().equals(image.id()));
  }

  /** The image a reference names, read through the engine's inspect (one image, not the whole store). */
  @Override
  public Optional<Image> named(Reference reference) {
    return inspected(reference.toString()).filter(image -> ImageLookup.names(image, reference));
  }

  /** The image the engine resolves {@code name} to, with all its names; empty when the engine has none. */
  private Optional<Image> inspected(String name) {
    if (!client.api().atLeast(INSPECT_MANIFESTS_API)) {
      return listed(name);
    }
    EngineImageInspect inspect;
    try {
      inspect = client.get("/images/" + name + "/json?manifests=1", EngineImageInspect::of);
    } catch (EngineException e) {
      if (e.notFound()) {
        return Optional.empty();
      }
      throw e;
    }
    if (inspect.manifests() == null) {
      return listed(name);
    }
    return Optional.of(image(inspect.asSummary()));
  }

  /** What an engine without inspect manifests says: the whole listing, searched. */
  private Optional<Image> listed(String name) {
    return ImageLookup.lookup(images(), name).map(ImageLookup.Found::image);
  }

  @Override
  public Json inspect(Image image, Variant variant) {
    String path = "/images/" + image.id() + "/json";
    if (image.variants().size() > 1 || image.isIndex()) {
      path += "?platform=" + EngineClient.encode(platformJson(variant.platform()));
    }
    return client.get(path);
  }

  /**
   * The diff ids of the variant's layers: the engine's platform delete removes a variant's layers even where other
   * variants use them (moby's own TODO), so mimg's planner compares them. Read by inspect, cached by digest.
   */
  @Override
  public Set<String> removalAlsoTakes(Image image, Variant variant) {
    if (!variant.isPresent()) {
      return Set.of();
    }
    return new LinkedHashSet<>(caches().layers.get(variant.digest(), digest -> diffIds(image, variant)));
  }

  private List<String> diffIds(Image image, Variant variant) {
    List<String> diffIds = new ArrayList<>();
    inspect(image, variant).path("RootFS").path("Layers").forEach(layer -> diffIds.add(layer.asText()));
    return diffIds;
  }

  /**
   * The variant's content (the engine's own figure, one part: the API names no blobs) and its unpacked layers, one
   * part per snapshot (chain id) sized by the image's history, so a layer two images share counts once; where the
   * history does not line up with the layers, the variant's unpacked total as one part. The snapshots and their
   * sizes are cached by manifest digest ({@code engine-parts}): a second df asks the engine for its listing only.
   */
  @Override
  public List<ContentPart> contentParts(Image image, Variant variant) {
    if (!variant.isPresent()) {
      return ContentPart.wholeVariant(variant);
    }
    List<ContentPart> parts = new ArrayList<>();
    parts.add(new ContentPart(variant.digest().toString(), ContentPart.Kind.CONTENT, variant.contentSize()));
    long sum = 0;
    for (String snapshot : caches().parts.get(variant.digest(), digest -> snapshots(image, variant))) {
      int equals = snapshot.lastIndexOf('=');
      long size = Long.parseLong(snapshot.substring(equals + 1));
      parts.add(new ContentPart("snapshot:" + snapshot.substring(0, equals), ContentPart.Kind.UNPACKED, size));
      sum += size;
    }
    if (parts.size() == 1 || sum != variant.unpackedSize()) {
      return List.of(parts.get(0), ContentPart.wholeVariant(variant).get(1));
    }
    return parts;
  }

  /** {@code CHAINID=SIZE} per layer, bottom first; empty when the history does not line up with the layers. */
  private List<String> snapshots(Image image, Variant variant) {
    List<String> diffIds = diffIds(image, variant);
    List<Long> sizes = layerSizes(image, variant);
    if (diffIds.isEmpty() || sizes.size() != diffIds.size()
        || sizes.stream().mapToLong(Long::longValue).sum() != variant.unpackedSize()) {
      return List.of();
    }
    List<String> snapshots = new ArrayList<>();
    String chain = null;
    for (int i = 0; i < diffIds.size(); i++) {
      chain = chain == null ? diffIds.get(i) : chainId(chain, diffIds.get(i));
      snapshots.add(chain + "=" + sizes.get(i));
    }
    return snapshots;
  }

  /** The OCI chain id of a layer on top of {@code parent}: sha256 of "PARENT DIFFID". */
  private static String chainId(String parent, String diffId) {
    return Digest.sha256Of((parent + " " + diffId).getBytes(StandardCharsets.US_ASCII)).toString();
  }

  /** The sizes of the variant's non-empty history entries, oldest first (the engine's size of each layer). */
  private List<Long> layerSizes(Image image, Variant variant) {
    String path = "/images/" + image.id() + "/history";
    if (image.variants().size() > 1 || image.isIndex()) {
      path += "?platform=" + EngineClient.encode(platformJson(variant.platform()));
    }
    List<Long> sizes = new ArrayList<>();
    for (Json entry : client.get(path)) {
      long size = entry.path("Size").asLong();
      if (size > 0) {
        sizes.add(0, size);
      }
    }
    return sizes;
  }

  /** The two caches by manifest digest, read on first use. */
  private record Caches(DigestCache layers, DigestCache parts) {
  }

  private synchronized Caches caches() {
    if (caches == null) {
      caches = new Caches(DigestCache.user("engine-layers"), DigestCache.user("engine-parts"));
    }
    return caches;
  }

  @Override
  public Map<String, String> containerNames() {
    List<EngineContainer> containers = client.get("/containers/json?all=1", EngineContainer::listOf);
    return containers.stream().collect(Collectors.toMap(EngineContainer::id,
        c -> c.names() == null || c.names().isEmpty() ? c.id().substring(0, 12)
            : c.names().get(0).replaceFirst("^/", ""),
        (a, b) -> a, java.util.LinkedHashMap::new));
  }

  @Override
  public void removeVariants(String name, List<Variant> variants) {
    changed();
    recoverOnce();
    if (!client.api().atLeast(PLATFORM_DELETE_API)) {
      throw new StoreException("removing single platforms needs API " + PLATFORM_DELETE_API
          + "+ (Docker 28.2+) with the containerd image store; this engine speaks " + client.api());
    }
    // The engine requires force for every platform delete (it warns that shared content goes too); mimg's
    // planner has already refused shared and in-use variants unless the user forced it.
    StringBuilder path = new StringBuilder("/images/").append(name).append("?force=true");
    for (Variant variant : variants) {
      path.append("&platforms=").append(EngineClient.encode(platformJson(variant.platform())));
    }
    client.delete(path.toString());
  }

  /**
   * Deletes the names without force (the engine then untags, never deletes content). The engine's delete of
   * {@code repo@digest} untags every name of that repository, and the delete of a repository's last tag also its
   * by-digest names: names whose deletes would take names the caller keeps are refused before anything changes.
   */
  @Override
  public void untag(Image image, List<ImageName> names) {
    changed();
    recoverOnce();
    Image now = current(image).orElseThrow(() -> new StoreException("image " + image.shortId() + " is gone"));
    if (now.names().stream().allMatch(names::contains)) {
      throw new StoreException("no other name holds " + image.shortId() + ": removing " + join(names)
          + " would delete it");
    }
    List<String> deletes = new ArrayList<>();
    Map<String, List<ImageName>> byRepository = names.stream().filter(n -> n.reference() != null)
        .collect(Collectors.groupingBy(n -> n.reference().name(), java.util.LinkedHashMap::new, Collectors.toList()));
    for (List<ImageName> group : byRepository.values()) {
      List<ImageName> all = now.names().stream().filter(n -> n.reference() != null
          && n.reference().name().equals(group.get(0).reference().name())).toList();
      List<ImageName> kept = all.stream().filter(n -> !group.contains(n)).toList();
      Optional<ImageName> digestName = group.stream().filter(ImageName::isDigest).findFirst();
      boolean lastTagGoes = kept.stream().noneMatch(ImageName::isTag);
      if (!kept.isEmpty() && (digestName.isPresent() || lastTagGoes)) {
        throw new StoreException("the engine cannot remove " + join(group) + " and keep " + join(kept)
            + ": deleting " + (digestName.isPresent() ? "a by-digest name untags every name"
                : "the last tag removes the by-digest names")
            + " of the repository");
      }
      if (digestName.isPresent()) {
        deletes.add(digestName.get().written());
      } else {
        group.forEach(n -> deletes.add(n.written()));
      }
    }
    for (String name : deletes) {
      client.delete("/images/" + name);
    }
  }

  private static String join(List<ImageName> names) {
    return names.stream().map(ImageName::toString).collect(Collectors.joining(", "));
  }

  @Override
  public void removeImage(Image image) {
    changed();
    recoverOnce();
    // By id with force: every tag and digest reference goes with it; the caller checked no container uses it.
    client.delete("/images/" + image.id() + "?force=true");
  }

  @Override
  public void pull(Reference reference, Platform platform, Consumer<PullEvent> progress) {
    changed();
    recoverOnce();
    StringBuilder path = new StringBuilder("/images/create?fromImage=")
        .append(EngineClient.encode(reference.name()));
    reference.tag().ifPresent(tag -> path.append("&tag=").append(EngineClient.encode(tag)));
    reference.digest().filter(d -> reference.tag().isEmpty())
        .ifPresent(digest -> path.append("&tag=").append(EngineClient.encode(digest.toString())));
    if (platform != null) {
      path.append("&platform=").append(EngineClient.encode(platform.toString()));
    }
    Map<String, String> headers = RegistryAuth.header(reference.domain(),
        EngineEndpoint.dockerConfigDir(System.getenv())).map(auth -> Map.of("X-Registry-Auth", auth)).orElse(Map.of());
    try {
      client.stream(path.toString(), headers, message -> progress.accept(event(reference, message)));
    } catch (EngineException e) {
      throw new StoreException("cannot pull " + reference.familiarString()
          + (platform == null ? "" : " for " + platform) + ": " + e.getMessage());
    }
  }

  /** Fetches one platform into the stored index without moving any tag (see {@link EngineBackfill}). */
  @Override
  public void backfill(Image image, Reference repository, Platform platform, Consumer<PullEvent> progress) {
    changed();
    recoverOnce();
    backfills.backfill(image, repository, platform, progress);
  }

  /**
   * Restores the tags an interrupted back-fill left guarded (once per store; before the first change at the latest).
   */
  @Override
  public void repair() {
    changed();
    recoverOnce();
  }

  /**
   * Before the first change: restores the tags an interrupted back-fill left guarded (the engine's reference
   * filter finds the guards without listing every image).
   */
  private void recoverOnce() {
    if (recovered || !client.api().atLeast(EngineClient.MANIFESTS_API)) {
      return;
    }
    recovered = true;
    String filter = "{\"reference\":[\"" + EngineBackfill.GUARD_REPOSITORY + "/*\"]}";
    List<EngineImageSummary> summaries = client.get("/images/json?manifests=1&filters=" + EngineClient.encode(filter),
        EngineImageSummary::listOf);
    List<Image> guarded = summaries.stream().filter(summary -> summary.manifests() != null)
        .map(DockerEngineStore::image).toList();
    backfills.recover(guarded.stream().map(i -> current(i).orElse(i)).toList());
  }

  private static PullEvent event(Reference reference, Json message) {
    if (message.hasNonNull("error")) {
      throw new StoreException("cannot pull " + reference.familiarString() + ": " + message.path("error").asText());
    }
    Json detail = message.path("progressDetail");
    return new PullEvent(message.path("id").asText(""), message.path("status").asText(""),
        detail.path("current").asLong(0), detail.path("total").asLong(0));
  }

  @Override
  public String describe() {
    return "engine " + client.endpoint().host();
  }

  @Override
  public List<String> notices() {
    List<String> all = new ArrayList<>(notices);
    all.addAll(backfillNotices);
    return List.copyOf(all);
  }

  @Override
  public void close() {
    synchronized (this) {
      if (watch != null) {
        watch.close();
      }
    }
    if (caches != null) {
      caches.layers.save();
      caches.parts.save();
    }
    client.close();
  }

  /** The OCI platform JSON the engine's {@code platform} query parameters take. */
  static String platformJson(Platform platform) {
    var node = Json.object().put("os", platform.os()).put("architecture", platform.architecture());
    if (!platform.variant().isEmpty()) {
      node.put("variant", platform.variant());
    }
    return node.toString();
  }

  private static Image image(EngineImageSummary summary) {
    List<Variant> variants = summary.manifests().stream().map(DockerEngineStore::variant).toList();
    String mediaType = summary.descriptor() == null ? MediaTypes.DOCKER_MANIFEST : summary.descriptor().mediaType();
    return image(summary, mediaType, variants);
  }

  private static Image image(EngineImageSummary summary, String mediaType, List<Variant> variants) {
    // RepoTags lists the engine's image records: tags, and by-digest names of images pulled by digest.
    List<ImageName> names = summary.repoTags() == null ? List.of() : summary.repoTags().stream()
        .filter(n -> !n.startsWith("<none>")).map(n -> ImageName.of(Reference.parse(n), n)).toList();
    Set<Reference> digestRefs = new LinkedHashSet<>(references(summary.repoDigests()));
    names.stream().filter(ImageName::isDigest).forEach(name -> digestRefs.add(name.reference()));
    return new Image(Digest.parse(summary.id()), mediaType, names, List.copyOf(digestRefs),
        Instant.ofEpochSecond(summary.created()), variants, summary.labels());
  }

  private static Variant variant(Manifest manifest) {
    var data = manifest.imageData();
    EnginePlatform platform = data != null && data.platform() != null ? data.platform()
        : manifest.descriptor() == null ? null : manifest.descriptor().platform();
    long unpacked = data == null || data.size() == null ? 0 : data.size().unpacked();
    List<String> containers = data == null || data.containers() == null ? List.of() : data.containers();
    Digest attestationFor = manifest.attestationData() == null || manifest.attestationData().forDigest() == null
        ? null : Digest.parse(manifest.attestationData().forDigest());
    long content = manifest.size() == null ? 0 : manifest.size().content();
    return new Variant(Digest.parse(manifest.id()), platform(platform), kind(manifest.kind()), manifest.available(),
        content, unpacked, containers, attestationFor);
  }

  private List<Image> classic(List<EngineImageSummary> summaries) {
    List<EngineContainer> containers = client.get("/containers/json?all=1", EngineContainer::listOf);
    Map<String, List<String>> byImage = containers.stream().filter(c -> c.imageId() != null)
        .collect(Collectors.groupingBy(EngineContainer::imageId,
            Collectors.mapping(EngineContainer::id, Collectors.toList())));
    List<Image> images = new ArrayList<>();
    for (EngineImageSummary summary : summaries) {
      Json inspect = client.get("/images/" + summary.id() + "/json");
      Platform platform = Platform.of(inspect.path("Os").asText("unknown"),
          inspect.path("Architecture").asText("unknown"),
          inspect.path("Variant").asText(""));
      Variant only = new Variant(Digest.parse(summary.id()), platform, Variant.Kind.IMAGE, true, summary.size(), 0,
          byImage.getOrDefault(summary.id(), List.of()), null);
      images.add(image(summary, MediaTypes.DOCKER_MANIFEST, List.of(only)));
    }
    return images;
  }

  private static Platform platform(EnginePlatform platform) {
    if (platform == null || platform.os() == null || platform.architecture() == null) {
      return Platform.UNKNOWN;
    }
    return Platform.of(platform.os(), platform.architecture(), Objects.requireNonNullElse(platform.variant(), ""));
  }

  private static Variant.Kind kind(String kind) {
    if ("image".equals(kind)) {
      return Variant.Kind.IMAGE;
    }
    return "attestation".equals(kind) ? Variant.Kind.ATTESTATION : Variant.Kind.UNKNOWN;
  }

  private static List<Reference> references(List<String> names) {
    if (names == null) {
      return List.of();
    }
    return names.stream().filter(n -> !n.startsWith("<none>")).map(Reference::parse).toList();
  }
}
