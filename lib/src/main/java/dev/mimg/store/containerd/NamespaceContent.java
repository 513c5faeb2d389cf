package dev.mimg.store.containerd;

import dev.mimg.model.Descriptor;
import dev.mimg.model.Digest;
import java.util.List;
import java.util.Map;

/**
 * What one listing read from a containerd namespace: its image records, the content it holds (digest to size and
 * labels), the documents read (indexes, manifests, configs), each snapshotter's snapshots with their usage, and the
 * containers. Plain data: {@link ImageAssembler} turns it into images.
 */
record NamespaceContent(
    List<ImageRecord> records,
    Map<Digest, ContentInfo> content,
    Map<Digest, byte[]> documents,
    Map<String, Map<String, SnapshotInfo>> snapshots,
    List<ContainerRecord> containers) {

  /** The label on an image's config content naming, per snapshotter, the chain id of its unpacked layers. */
  static final String SNAPSHOT_LABEL_PREFIX = "containerd.io/gc.ref.snapshot.";

  /** One containerd image record: a name and the descriptor it points at. */
  record ImageRecord(String name, Descriptor target, Map<String, String> labels) {
  }

  /** A blob containerd holds. */
  record ContentInfo(long size, Map<String, String> labels) {
  }

  /** A snapshot: its parent key (empty at the bottom), whether it is active (a container's), its usage in bytes. */
  record SnapshotInfo(String parent, boolean active, long usage) {
  }

  /** A containerd container: the image name it was made from and its snapshot. */
  record ContainerRecord(String id, String image, String snapshotter, String snapshotKey, Map<String, String> labels) {
  }

  boolean has(Digest digest) {
    return content.containsKey(digest);
  }
}
