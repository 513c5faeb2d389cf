package dev.mimg.store.containerd;

import dev.mimg.model.Descriptor;
import dev.mimg.model.Digest;
import dev.mimg.model.HostDefaultMatcher;
import dev.mimg.model.Image;
import dev.mimg.model.ImageConfigs;
import dev.mimg.model.ImageIndex;
import dev.mimg.model.ImageManifest;
import dev.mimg.model.ImageName;
import dev.mimg.model.Json;
import dev.mimg.model.MediaTypes;
import dev.mimg.model.OciDocuments;
import dev.mimg.model.Platform;
import dev.mimg.model.PlatformJson;
import dev.mimg.model.Reference;
import dev.mimg.model.Variant;
import dev.mimg.store.containerd.NamespaceContent.ContainerRecord;
import dev.mimg.store.containerd.NamespaceContent.ImageRecord;
import dev.mimg.store.containerd.NamespaceContent.SnapshotInfo;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Images as dockerd's containerd image service computes them from the same namespace (moby's
 * daemon/containerd/image_list.go as of Docker 28.5), so that both agree on every variant: one image per target
 * digest with all its record names; a variant per manifest the index reaches; available when manifest, config and
 * every layer are held; content the sizes of the held manifest, config and layers; for an available image variant,
 * unpacked the usage of the snapshot chain of its config's diff ids; created and labels from the config of the
 * available variant the host prefers (else the first available one).
 */
final class ImageAssembler {

  private final NamespaceContent content;
  private final String snapshotter;
  private final HostDefaultMatcher host;
  private final Map<String, List<String[]>> containersByChain;
  private final Map<Digest, List<String>> containersByManifest;
  private final Set<String> allNames = new java.util.HashSet<>();

  /** {@code snapshotter}: the one to measure unpacked layers in, or null for the one each config's label names. */
  ImageAssembler(NamespaceContent content, String snapshotter, Platform host) {
    this(content, snapshotter, host, null);
  }

  /**
   * {@code containersByManifest}: which containers use which manifest, where an owner knows (dockerd's containers,
   * which containerd holds only as snapshots); null to tell use from the snapshots the containers sit on.
   */
  ImageAssembler(NamespaceContent content, String snapshotter, Platform host,
      Map<Digest, List<String>> containersByManifest) {
    this.content = content;
    this.snapshotter = snapshotter;
    this.host = HostDefaultMatcher.forHost(host);
    this.containersByChain = containersByManifest == null ? containersByChain(content) : Map.of();
    this.containersByManifest = containersByManifest;
    content.records().forEach(record -> allNames.add(record.name()));
  }

  /** One image per distinct target, in the order containerd lists the records. */
  List<Image> images() {
    Map<Digest, List<ImageRecord>> byTarget = new LinkedHashMap<>();
    for (ImageRecord record : content.records()) {
      byTarget.computeIfAbsent(record.target().digest(), d -> new ArrayList<>()).add(record);
    }
    List<Image> images = new ArrayList<>();
    byTarget.forEach((digest, records) -> images.add(image(records)));
    return images;
  }

  private Image image(List<ImageRecord> records) {
    Descriptor target = records.get(0).target();
    List<ImageName> names = new ArrayList<>();
    Set<Reference> digestRefs = new LinkedHashSet<>();
    for (ImageRecord record : records) {
      Reference reference = RecordNames.reference(record.name());
      if (reference != null) {
        names.add(ImageName.of(reference, record.name()));
        digestRefs.add(Reference.parse(reference.name() + "@" + target.digest()));
      }
    }
    Set<String> recordNames = new LinkedHashSet<>();
    records.forEach(record -> recordNames.add(record.name()));
    List<Variant> variants = new ArrayList<>();
    List<Json> configs = new ArrayList<>();
    for (Descriptor manifest : manifests(target)) {
      Json[] config = new Json[1];
      variants.add(variant(manifest, recordNames, config));
      configs.add(config[0]);
    }
    int best = best(variants);
    Json bestConfig = best < 0 ? null : configs.get(best);
    Instant created = bestConfig == null ? Instant.EPOCH : ImageConfigs.created(bestConfig);
    return new Image(target.digest(), target.mediaType(), names, List.copyOf(digestRefs), created, variants,
        ImageConfigs.labels(bestConfig));
  }

  /** The manifests an image reaches, depth first through nested indexes, as containerd's walk visits them. */
  List<Descriptor> manifests(Descriptor target) {
    List<Descriptor> manifests = new ArrayList<>();
    walk(target, manifests, 0);
    return manifests;
  }

  private void walk(Descriptor descriptor, List<Descriptor> manifests, int depth) {
    if (MediaTypes.isManifest(descriptor.mediaType())) {
      manifests.add(descriptor);
      return;
    }
    byte[] bytes = content.documents().get(descriptor.digest());
    if (!MediaTypes.isIndex(descriptor.mediaType()) || bytes == null || depth > 8) {
      return;
    }
    ImageIndex index = OciDocuments.index(bytes, "index " + descriptor.digest());
    for (Descriptor child : index.manifests()) {
      walk(child, manifests, depth + 1);
    }
  }

  /**
   * The variant a manifest descriptor of the index is, in an image of these record names; {@code configOut[0]}
   * receives its config when held.
   */
  private Variant variant(Descriptor descriptor, Set<String> recordNames, Json[] configOut) {
    Digest digest = descriptor.digest();
    byte[] bytes = content.has(digest) ? content.documents().get(digest) : null;
    ImageManifest manifest = bytes == null ? null : OciDocuments.manifest(bytes, "manifest " + digest);
    boolean available = manifest != null && manifest.config() != null && content.has(manifest.config().digest())
        && manifest.layers().stream().allMatch(layer -> content.has(layer.digest()));
    long contentSize = 0;
    Json config = null;
    if (manifest != null) {
      contentSize = descriptor.size();
      if (manifest.config() != null && content.has(manifest.config().digest())) {
        contentSize += manifest.config().size();
        byte[] configBytes = content.documents().get(manifest.config().digest());
        config = configBytes == null ? null : Json.parse(configBytes);
      }
      for (Descriptor layer : manifest.layers()) {
        contentSize += content.has(layer.digest()) ? layer.size() : 0;
      }
    }
    Variant.Kind kind = kind(descriptor, manifest);
    Platform declared = descriptor.declaredPlatform().orElse(null);
    if (kind != Variant.Kind.IMAGE) {
      Digest attestationFor = kind == Variant.Kind.ATTESTATION
          ? Digest.parse(descriptor.annotations().get(Descriptor.REFERENCE_DIGEST_ANNOTATION)) : null;
      return new Variant(digest, declared == null ? Platform.UNKNOWN : declared, kind, available, contentSize, 0,
          List.of(), attestationFor);
    }
    if (!available || config == null) {
      return new Variant(digest, declared == null ? Platform.UNKNOWN : declared, kind, available, contentSize, 0,
          List.of(), null);
    }
    configOut[0] = config;
    Platform platform = declared != null ? declared : PlatformJson.ofConfig(config);
    String chain = chainId(config);
    long unpacked = chain == null ? 0 : unpacked(chain, manifest.config().digest());
    List<String> containers = containersByManifest != null ? containersByManifest.getOrDefault(digest, List.of())
        : chain == null ? List.of() : containersOn(chain, recordNames);
    return new Variant(digest, platform, kind, available, contentSize, unpacked, containers, null);
  }

  /**
   * The engine's kind: an attestation when annotated as one with its subject; unknown for other annotated
   * manifests, for the {@code unknown/unknown} platform and for a held manifest whose layers are all no image
   * layers; an image otherwise (a manifest not held included).
   */
  static Variant.Kind kind(Descriptor descriptor, ImageManifest manifest) {
    if (descriptor.annotations().containsKey(Descriptor.REFERENCE_TYPE_ANNOTATION)) {
      return descriptor.annotations().containsKey(Descriptor.REFERENCE_DIGEST_ANNOTATION)
          ? Variant.Kind.ATTESTATION : Variant.Kind.UNKNOWN;
    }
    Platform declared = descriptor.declaredPlatform().orElse(null);
    if (declared != null && declared.os().equals("unknown") && declared.architecture().equals("unknown")) {
      return Variant.Kind.UNKNOWN;
    }
    if (manifest == null || manifest.layers().isEmpty()) {
      return Variant.Kind.IMAGE;
    }
    return manifest.layers().stream().anyMatch(layer -> isLayerType(layer.mediaType()))
        ? Variant.Kind.IMAGE : Variant.Kind.UNKNOWN;
  }

  /** containerd's layer media types: OCI layers and Docker's rootfs diffs. */
  static boolean isLayerType(String mediaType) {
    return mediaType != null && (mediaType.startsWith("application/vnd.oci.image.layer.")
        || mediaType.startsWith("application/vnd.docker.image.rootfs.diff.tar")
        || mediaType.startsWith("application/vnd.docker.image.rootfs.foreign.diff.tar"));
  }

  /** The chain id of the config's layers (the key of its top snapshot); null when it lists no diff ids. */
  static String chainId(Json config) {
    Json diffIds = config.path("rootfs").path("diff_ids");
    if (!diffIds.isArray()) {
      return null;
    }
    String chain = null;
    for (Json diffId : diffIds) {
      chain = chain == null ? diffId.asText() : Digest.sha256Of((chain + " " + diffId.asText())
          .getBytes(StandardCharsets.US_ASCII)).toString();
    }
    return chain;
  }

  /** The usage of the snapshot chain from {@code chain} down, as dockerd sums it; 0 when any link is missing. */
  private long unpacked(String chain, Digest config) {
    Map<String, SnapshotInfo> snapshots = content.snapshots().get(snapshotterOf(config));
    if (snapshots == null) {
      return 0;
    }
    long total = 0;
    for (String key = chain; !key.isEmpty(); ) {
      SnapshotInfo info = snapshots.get(key);
      if (info == null) {
        return 0;
      }
      total += info.usage();
      key = info.parent();
    }
    return total;
  }

  /** The snapshotter the store measures in: the one given, else the one the config content's label names. */
  String snapshotterOf(Digest config) {
    if (snapshotter != null) {
      return snapshotter;
    }
    NamespaceContent.ContentInfo info = content.content().get(config);
    if (info != null) {
      for (String label : info.labels().keySet()) {
        if (label.startsWith(NamespaceContent.SNAPSHOT_LABEL_PREFIX)) {
          return label.substring(NamespaceContent.SNAPSHOT_LABEL_PREFIX.length());
        }
      }
    }
    return "";
  }

  /** The variant whose created time and labels the image shows: the host's preferred present one, else the first. */
  private int best(List<Variant> variants) {
    int best = -1;
    int bestRank = Integer.MAX_VALUE;
    for (int i = 0; i < variants.size(); i++) {
      if (!variants.get(i).isPresent()) {
        continue;
      }
      int rank = host.rank(variants.get(i).platform());
      rank = rank < 0 ? Integer.MAX_VALUE - 1 : rank;
      if (best < 0 || rank < bestRank) {
        best = i;
        bestRank = rank;
      }
    }
    return best;
  }

  /**
   * The containers on a chain that are this image's: those whose containerd record names one of its names, and
   * those with no image name that still exists (dockerd's, seen only as snapshots).
   */
  private List<String> containersOn(String chain, Set<String> recordNames) {
    List<String> ids = new ArrayList<>();
    for (String[] container : containersByChain.getOrDefault(chain, List.of())) {
      if (container[1] == null || recordNames.contains(container[1]) || !allNames.contains(container[1])) {
        ids.add(container[0]);
      }
    }
    return ids;
  }

  /**
   * {container id, image name or null} by the chain id their snapshot sits on: each active snapshot is a
   * container's (a containerd container naming it as its key, or dockerd's, whose key is the container id),
   * followed down to a committed one.
   */
  static Map<String, List<String[]>> containersByChain(NamespaceContent content) {
    Map<String, ContainerRecord> byKey = new LinkedHashMap<>();
    for (ContainerRecord container : content.containers()) {
      if (!container.snapshotKey().isEmpty()) {
        byKey.put(container.snapshotter() + "/" + container.snapshotKey(), container);
      }
    }
    Map<String, List<String[]>> byChain = new LinkedHashMap<>();
    content.snapshots().forEach((name, snapshots) -> snapshots.forEach((key, info) -> {
      if (!info.active() || key.contains("extract-")) {
        return;
      }
      ContainerRecord container = byKey.get(name + "/" + key);
      String chain = committedBase(snapshots, info.parent());
      if (chain != null) {
        byChain.computeIfAbsent(chain, c -> new ArrayList<>()).add(container == null ? new String[] {key, null}
            : new String[] {container.id(), container.image().isEmpty() ? null : container.image()});
      }
    }));
    return byChain;
  }

  /** The first chain id ({@code sha256:...}) at or below {@code key}, skipping dockerd's {@code -init} layers. */
  private static String committedBase(Map<String, SnapshotInfo> snapshots, String key) {
    for (int depth = 0; key != null && !key.isEmpty() && depth < 4; depth++) {
      if (key.startsWith("sha256:")) {
        return key;
      }
      SnapshotInfo info = snapshots.get(key);
      key = info == null ? null : info.parent();
    }
    return null;
  }
}
