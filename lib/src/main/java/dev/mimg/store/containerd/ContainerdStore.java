package dev.mimg.store.containerd;

import containerd.services.images.v1.ImagesOuterClass;
import containerd.services.namespaces.v1.NamespaceOuterClass;
import dev.mimg.model.ContentPart;
import dev.mimg.model.Descriptor;
import dev.mimg.model.Digest;
import dev.mimg.model.Image;
import dev.mimg.model.ImageLookup;
import dev.mimg.model.ImageManifest;
import dev.mimg.model.ImageName;
import dev.mimg.model.Json;
import dev.mimg.model.JsonObject;
import dev.mimg.model.OciDocuments;
import dev.mimg.model.Platform;
import dev.mimg.model.Reference;
import dev.mimg.model.Timeouts;
import dev.mimg.model.Variant;
import dev.mimg.store.ImageStore;
import dev.mimg.store.InspectObject;
import dev.mimg.store.PlannedRemoval;
import dev.mimg.store.PullEvent;
import dev.mimg.store.StoreException;
import dev.mimg.store.containerd.NamespaceContent.ContainerRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * containerd as an image store, through its own gRPC API on its socket, in one namespace. Listing equals dockerd's
 * on the same namespace ({@link ImageAssembler}); the CRI's several names of one image are one image. Changes go
 * through containerd under a lease ({@link ContainerdChanges}), except on dockerd's namespace, which only the engine
 * changes ({@link DockerNamespace}).
 */
public final class ContainerdStore implements ImageStore {

  private final ContainerdSpec spec;
  private final ContainerdClient client;
  private final DocumentCache cache = DocumentCache.user();
  private final Set<String> notices = new LinkedHashSet<>();
  private final DockerNamespace docker;
  private NamespaceContent state;

  private ContainerdStore(ContainerdSpec spec, Function<String, EngineAccess> engines) {
    this.spec = spec;
    this.client = new ContainerdClient(spec.socket(), spec.namespace(), Timeouts.fromEnvironment());
    this.docker = spec.isDockers() ? new DockerNamespace(spec, engines) : null;
  }

  /**
   * The store {@code containerd[:SOCKET][?namespace=NS...]} names ({@code rest}: what follows "containerd");
   * {@code engines} opens the engine at a host (null: the docker CLI's), for dockerd's namespace.
   */
  public static ImageStore open(String rest, Function<String, EngineAccess> engines) {
    boolean ofEngine = rest.equals(":engine") || rest.startsWith(":engine?");
    return new ContainerdStore(ofEngine ? ContainerdSpec.ofEngine(rest.substring(":engine".length()), engines)
        : ContainerdSpec.parse(rest), engines);
  }

  @Override
  public List<Image> images() {
    CompletableFuture<Optional<Map<Digest, List<String>>>> byManifest = docker == null ? null
        : ParallelCalls.background(docker::containersByManifest);
    NamespaceContent read = new NamespaceReader(client, spec.snapshotter(), cache).read();
    if (read.records().isEmpty()) {
      emptyNamespace();
    } else if (lostTargets(read) && !namespaces().contains(spec.namespace())) {
      throw NamespaceReader.vanished(client);
    }
    synchronized (this) {
      state = read;
    }
    Map<Digest, List<String>> dockers = docker == null ? null : ParallelCalls.join(byManifest).orElse(null);
    return new ImageAssembler(read, spec.snapshotter(), Platform.host(), dockers).images();
  }

  /** True when records point at content the listing held but could not read: deleted while it was read. */
  private static boolean lostTargets(NamespaceContent read) {
    return read.records().stream().anyMatch(r -> read.has(r.target().digest())
        && !read.documents().containsKey(r.target().digest()));
  }

  /** An empty listing: an error when the namespace does not exist, a notice when it is empty; either names others. */
  private void emptyNamespace() {
    List<String> all = namespaces();
    List<String> withImages = new ArrayList<>();
    for (String namespace : all) {
      if (!namespace.equals(spec.namespace()) && client.call("listing images of " + namespace, () -> client
          .imagesIn(namespace).list(ImagesOuterClass.ListImagesRequest.getDefaultInstance())).getImagesCount() > 0) {
        withImages.add(namespace);
      }
    }
    String others = withImages.isEmpty() ? "no namespace there holds images"
        : "namespaces with images: " + String.join(", ", withImages) + " (?namespace=NS picks one)";
    if (!all.contains(spec.namespace())) {
      throw new StoreException("containerd on " + spec.socket() + " has no namespace " + spec.namespace()
          + ", so no images there; " + others);
    }
    notices.add("containerd namespace " + spec.namespace() + " on " + spec.socket() + " has no images; " + others);
  }

  private List<String> namespaces() {
    NamespaceOuterClass.ListNamespacesResponse answer = client.call("listing namespaces",
        () -> client.namespaces().list(NamespaceOuterClass.ListNamespacesRequest.getDefaultInstance()));
    return answer.getNamespacesList().stream().map(NamespaceOuterClass.Namespace::getName).toList();
  }

  /** The listing the last {@link #images()} read (read now if none was). */
  private synchronized NamespaceContent state() {
    if (state == null) {
      images();
    }
    return state;
  }

  @Override
  public Json inspect(Image image, Variant variant) {
    NamespaceContent read = state();
    Descriptor descriptor = descriptor(read, image, variant);
    byte[] manifest = read.documents().get(variant.digest());
    if (manifest == null || !variant.isPresent()) {
      throw new StoreException(image.name() + " " + variant.platform() + " is not present in " + describe());
    }
    ImageManifest parsed = OciDocuments.manifest(manifest, "manifest " + variant.digest());
    byte[] config = read.documents().get(parsed.config().digest());
    JsonObject configJson = config == null ? Json.object() : Json.parse(config).asObject("config");
    return InspectObject.of(image, variant, descriptor, configJson);
  }

  private static Descriptor descriptor(NamespaceContent read, Image image, Variant variant) {
    ImageAssembler assembler = new ImageAssembler(read, null, Platform.host());
    for (var record : ContainerdChanges.records(read, image)) {
      for (Descriptor descriptor : assembler.manifests(record.target())) {
        if (descriptor.digest().equals(variant.digest())) {
          return descriptor;
        }
      }
    }
    return Descriptor.of(image.mediaType(), variant.digest(), 0);
  }

  /**
   * A present variant's parts: each held blob (manifest, config, layer) by digest and each snapshot of its chain
   * by key, so that layers and snapshots variants share count once.
   */
  @Override
  public List<ContentPart> contentParts(Image image, Variant variant) {
    NamespaceContent read = state();
    byte[] bytes = variant.isPresent() ? read.documents().get(variant.digest()) : null;
    if (bytes == null) {
      return ContentPart.wholeVariant(variant);
    }
    ImageManifest manifest = OciDocuments.manifest(bytes, "manifest " + variant.digest());
    List<ContentPart> parts = new ArrayList<>();
    long content = variant.contentSize() - manifest.config().size();
    parts.add(new ContentPart(variant.digest().toString(), ContentPart.Kind.CONTENT, descriptor(read, image, variant)
        .size()));
    parts.add(new ContentPart(manifest.config().digest().toString(), ContentPart.Kind.CONTENT,
        manifest.config().size()));
    for (Descriptor layer : manifest.layers()) {
      parts.add(new ContentPart(layer.digest().toString(), ContentPart.Kind.CONTENT, layer.size()));
      content -= layer.size();
    }
    byte[] config = read.documents().get(manifest.config().digest());
    ImageAssembler assembler = new ImageAssembler(read, spec.snapshotter(), Platform.host());
    var snapshots = read.snapshots().get(assembler.snapshotterOf(manifest.config().digest()));
    String key = config == null ? null : ImageAssembler.chainId(Json.parse(config));
    long unpacked = 0;
    while (snapshots != null && key != null && snapshots.containsKey(key) && variant.unpackedSize() > 0) {
      parts.add(new ContentPart("snapshot:" + key, ContentPart.Kind.UNPACKED, snapshots.get(key).usage()));
      unpacked += snapshots.get(key).usage();
      key = snapshots.get(key).parent();
    }
    if (unpacked != variant.unpackedSize() || content != parts.get(0).bytes()) {
      return ContentPart.wholeVariant(variant);
    }
    return parts;
  }

  @Override
  public Set<String> removalAlsoTakes(Image image, Variant variant) {
    return docker == null ? Set.of()
        : docker.engine().map(e -> e.store().removalAlsoTakes(image, variant)).orElse(Set.of());
  }

  @Override
  public List<String> planNotices(List<Image> images, List<PlannedRemoval> removals) {
    return docker == null || removals.isEmpty() ? List.of() : List.of(docker.planNotice());
  }

  /** Container ids to names: a Kubernetes container's name label, else the id (dockerd's are ids here). */
  @Override
  public Map<String, String> containerNames() {
    Map<String, String> names = new LinkedHashMap<>();
    for (ContainerRecord container : state().containers()) {
      names.put(container.id(), container.labels().getOrDefault("io.kubernetes.container.name", container.id()));
    }
    return names;
  }

  @Override
  public void removeVariants(String name, List<Variant> variants) {
    if (docker != null) {
      docker.engineOrRefuse().removeVariants(name, variants);
      return;
    }
    Image image = ImageLookup.lookup(images(), name).map(ImageLookup.Found::image)
        .orElseThrow(() -> new StoreException("no image " + name + " in " + describe()));
    new ContainerdChanges(client).deleteVariants(state(), image, variants);
  }

  @Override
  public void untag(Image image, List<ImageName> names) {
    if (docker != null) {
      docker.engineOrRefuse().untag(image, names);
      return;
    }
    Image now = current(image).orElseThrow(() -> new StoreException("image " + image.shortId() + " is gone"));
    if (now.names().stream().allMatch(names::contains)) {
      throw new StoreException("no other name holds " + image.shortId() + ": removing "
          + String.join(", ", names.stream().map(ImageName::toString).toList()) + " would delete it");
    }
    new ContainerdChanges(client).deleteNames(state(), now, names.stream().map(ImageName::written).toList());
  }

  @Override
  public void removeImage(Image image) {
    if (docker != null) {
      docker.engineOrRefuse().removeImage(image);
      return;
    }
    Image now = current(image).orElseThrow(() -> new StoreException("image " + image.shortId() + " is gone"));
    new ContainerdChanges(client).deleteImage(state(), now);
  }

  @Override
  public void pull(Reference reference, Platform platform, Consumer<PullEvent> progress) {
    if (docker != null) {
      docker.engineOrRefuse().pull(reference, platform, progress);
      return;
    }
    throw new StoreException("mimg does not pull into containerd namespace " + spec.namespace()
        + ": pull with crictl pull or ctr -n " + spec.namespace() + " images pull");
  }

  @Override
  public void backfill(Image image, Reference repository, Platform platform, Consumer<PullEvent> progress) {
    if (docker != null) {
      docker.engineOrRefuse().backfill(image, repository, platform, progress);
      return;
    }
    throw new StoreException("mimg does not pull into containerd namespace " + spec.namespace()
        + ": pull the platform with ctr -n " + spec.namespace() + " images pull --platform " + platform);
  }

  @Override
  public String describe() {
    return spec.describe();
  }

  @Override
  public synchronized List<String> notices() {
    return List.copyOf(notices);
  }

  @Override
  public void close() {
    if (docker != null) {
      docker.close();
    }
    client.close();
  }
}
