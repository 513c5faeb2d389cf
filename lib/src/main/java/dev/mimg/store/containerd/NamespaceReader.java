package dev.mimg.store.containerd;

import containerd.services.containers.v1.ContainersOuterClass;
import containerd.services.content.v1.ContentOuterClass;
import containerd.services.images.v1.ImagesOuterClass;
import containerd.services.snapshots.v1.SnapshotsOuterClass;
import containerd.types.DescriptorOuterClass;
import dev.mimg.model.Descriptor;
import dev.mimg.model.Digest;
import dev.mimg.model.ImageManifest;
import dev.mimg.model.Json;
import dev.mimg.model.MediaTypes;
import dev.mimg.model.OciDocuments;
import dev.mimg.store.StoreException;
import dev.mimg.store.containerd.NamespaceContent.ContainerRecord;
import dev.mimg.store.containerd.NamespaceContent.ContentInfo;
import dev.mimg.store.containerd.NamespaceContent.ImageRecord;
import dev.mimg.store.containerd.NamespaceContent.SnapshotInfo;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Reads one namespace's state for a listing: image records, the content list, the indexes, manifests and configs
 * the records reach (many reads in flight at once), the snapshots of the snapshotters those configs name with the
 * usage of every snapshot their chains need, and the containers.
 */
final class NamespaceReader {

  private final ContainerdClient client;
  private final String snapshotter;
  private final DocumentCache cache;

  NamespaceReader(ContainerdClient client, String snapshotter, DocumentCache cache) {
    this.client = client;
    this.snapshotter = snapshotter;
    this.cache = cache;
  }

  /** Everything a listing needs, read now. */
  NamespaceContent read() {
    CompletableFuture<List<ContainerRecord>> containers = ParallelCalls.background(this::containers);
    CompletableFuture<List<ImageRecord>> listed = ParallelCalls.background(this::records);
    Map<Digest, ContentInfo> content = content();
    List<ImageRecord> records = ParallelCalls.join(listed);
    Map<Digest, byte[]> documents = new HashMap<>();
    Set<Descriptor> wave = new LinkedHashSet<>();
    records.forEach(record -> wave.add(record.target()));
    List<Digest> configs = new ArrayList<>();
    while (!wave.isEmpty()) {
      Map<Digest, byte[]> read = documents(wave.stream().map(Descriptor::digest)
          .filter(d -> content.containsKey(d) && !documents.containsKey(d)).toList());
      documents.putAll(read);
      Set<Descriptor> next = new LinkedHashSet<>();
      for (Descriptor descriptor : wave) {
        byte[] bytes = documents.get(descriptor.digest());
        if (bytes == null) {
          continue;
        }
        if (MediaTypes.isIndex(descriptor.mediaType())) {
          next.addAll(OciDocuments.index(bytes, "index " + descriptor.digest()).manifests());
        } else if (MediaTypes.isManifest(descriptor.mediaType())) {
          ImageManifest manifest = OciDocuments.manifest(bytes, "manifest " + descriptor.digest());
          if (manifest.config() != null && content.containsKey(manifest.config().digest())) {
            configs.add(manifest.config().digest());
          }
        }
      }
      wave.clear();
      wave.addAll(next);
    }
    documents.putAll(documents(configs.stream().filter(d -> !documents.containsKey(d)).distinct().toList()));
    Map<String, Map<String, SnapshotInfo>> snapshots = snapshots(configs, content, documents);
    cache.save();
    return new NamespaceContent(records, content, documents, snapshots, ParallelCalls.join(containers));
  }

  /** The namespace's image records, in containerd's order. */
  List<ImageRecord> records() {
    ImagesOuterClass.ListImagesResponse answer = client.call("listing images",
        () -> client.images().list(ImagesOuterClass.ListImagesRequest.getDefaultInstance()));
    List<ImageRecord> records = new ArrayList<>();
    for (ImagesOuterClass.Image image : answer.getImagesList()) {
      records.add(new ImageRecord(image.getName(), descriptor(image.getTarget()), image.getLabelsMap()));
    }
    return records;
  }

  static Descriptor descriptor(DescriptorOuterClass.Descriptor target) {
    return new Descriptor(target.getMediaType(), Digest.parse(target.getDigest()), target.getSize(), null,
        target.getAnnotationsMap(), null);
  }

  /** Every blob the namespace holds, with its size and labels. */
  Map<Digest, ContentInfo> content() {
    Map<Digest, ContentInfo> content = new HashMap<>();
    client.call("listing content", () -> {
      Iterator<ContentOuterClass.ListContentResponse> answers =
          client.content().list(ContentOuterClass.ListContentRequest.getDefaultInstance());
      while (answers.hasNext()) {
        for (ContentOuterClass.Info info : answers.next().getInfoList()) {
          content.put(Digest.parse(info.getDigest()), new ContentInfo(info.getSize(), info.getLabelsMap()));
        }
      }
      return content;
    });
    return content;
  }

  /** The blobs, read at once (cached by digest: content is immutable); a blob gone meanwhile is left out. */
  Map<Digest, byte[]> documents(Collection<Digest> digests) {
    Map<Digest, byte[]> documents = new HashMap<>();
    List<Digest> missing = new ArrayList<>();
    for (Digest digest : digests) {
      byte[] cached = cache.get(digest);
      if (cached != null) {
        documents.put(digest, cached);
      } else {
        missing.add(digest);
      }
    }
    Map<Digest, CompletableFuture<byte[]>> reads = ParallelCalls.run(missing,
        (digest, observer) -> client.contentAsync().read(
            ContentOuterClass.ReadContentRequest.newBuilder().setDigest(digest.toString()).build(), observer),
        digest -> new ParallelCalls.Fold<ContentOuterClass.ReadContentResponse, byte[]>() {
          private com.google.protobuf.ByteString bytes = com.google.protobuf.ByteString.EMPTY;

          @Override
          public void accept(ContentOuterClass.ReadContentResponse message) {
            bytes = bytes.concat(message.getData());
          }

          @Override
          public byte[] done() {
            return bytes.toByteArray();
          }
        });
    reads.forEach((digest, future) -> {
      byte[] bytes = answer("reading " + digest, future);
      if (bytes != null) {
        cache.put(digest, bytes);
        documents.put(digest, bytes);
      }
    });
    return documents;
  }

  /** The value of a finished call; null when containerd says the thing is not there (any more). */
  private <T> T answer(String what, CompletableFuture<T> future) {
    try {
      T value = future.join();
      client.markAnswered();
      return value;
    } catch (CompletionException e) {
      if (ContainerdClient.notFound(e.getCause())) {
        return null;
      }
      if (e.getCause() instanceof StatusRuntimeException status) {
        throw client.failure(what, status);
      }
      throw e;
    }
  }

  /**
   * Per snapshotter the configs name (or the one given), its snapshots by key; the usage is asked only for the
   * snapshots on the configs' chains (other snapshots have usage 0).
   */
  private Map<String, Map<String, SnapshotInfo>> snapshots(List<Digest> configs, Map<Digest, ContentInfo> content,
      Map<Digest, byte[]> documents) {
    Map<String, Set<String>> chainsBySnapshotter = new LinkedHashMap<>();
    NamespaceContent names = new NamespaceContent(List.of(), content, documents, Map.of(), List.of());
    ImageAssembler assembler = new ImageAssembler(names, snapshotter, dev.mimg.model.Platform.host());
    for (Digest config : configs) {
      byte[] bytes = documents.get(config);
      String name = assembler.snapshotterOf(config);
      String chain = bytes == null || name.isEmpty() ? null : ImageAssembler.chainId(Json.parse(bytes));
      if (chain != null) {
        chainsBySnapshotter.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(chain);
      }
    }
    Map<String, Map<String, SnapshotInfo>> all = new LinkedHashMap<>();
    chainsBySnapshotter.forEach((name, chains) -> all.put(name, snapshotsOf(name, chains)));
    return all;
  }

  private Map<String, SnapshotInfo> snapshotsOf(String name, Set<String> chains) {
    Map<String, SnapshotsOuterClass.Info> infos = new LinkedHashMap<>();
    client.call("listing snapshots of " + name, () -> {
      Iterator<SnapshotsOuterClass.ListSnapshotsResponse> answers = client.snapshots().list(
          SnapshotsOuterClass.ListSnapshotsRequest.newBuilder().setSnapshotter(name).build());
      while (answers.hasNext()) {
        answers.next().getInfoList().forEach(info -> infos.put(info.getName(), info));
      }
      return infos;
    });
    Set<String> needed = new LinkedHashSet<>();
    for (String chain : chains) {
      for (String key = chain; infos.containsKey(key) && needed.add(key); ) {
        key = infos.get(key).getParent();
      }
    }
    Map<String, CompletableFuture<Long>> usages = ParallelCalls.run(needed,
        (key, observer) -> client.snapshotsAsync().usage(SnapshotsOuterClass.UsageRequest.newBuilder()
            .setSnapshotter(name).setKey(key).build(), observer),
        key -> new ParallelCalls.Fold<SnapshotsOuterClass.UsageResponse, Long>() {
          private long size;

          @Override
          public void accept(SnapshotsOuterClass.UsageResponse message) {
            size = message.getSize();
          }

          @Override
          public Long done() {
            return size;
          }
        });
    Map<String, SnapshotInfo> snapshots = new LinkedHashMap<>();
    infos.forEach((key, info) -> {
      Long usage = usages.containsKey(key) ? answer("measuring snapshot " + key, usages.get(key)) : Long.valueOf(0);
      if (usage != null) {
        snapshots.put(key, new SnapshotInfo(info.getParent(), info.getKind() == SnapshotsOuterClass.Kind.ACTIVE,
            usage));
      }
    });
    return snapshots;
  }

  /** The namespace's containers. */
  List<ContainerRecord> containers() {
    ContainersOuterClass.ListContainersResponse answer = client.call("listing containers",
        () -> client.containers().list(ContainersOuterClass.ListContainersRequest.getDefaultInstance()));
    List<ContainerRecord> containers = new ArrayList<>();
    for (ContainersOuterClass.Container container : answer.getContainersList()) {
      containers.add(new ContainerRecord(container.getId(), container.getImage(), container.getSnapshotter(),
          container.getSnapshotKey(), container.getLabelsMap()));
    }
    return containers;
  }

  /** Thrown when the namespace vanished while it was read. */
  static StoreException vanished(ContainerdClient client) {
    return new StoreException("containerd namespace " + client.namespace() + " on " + client.socket()
        + " went away while it was read (deleted or garbage-collected meanwhile): nothing was changed");
  }
}
