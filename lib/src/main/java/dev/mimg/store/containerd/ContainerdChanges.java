package dev.mimg.store.containerd;

import containerd.services.content.v1.ContentOuterClass;
import containerd.services.images.v1.ImagesOuterClass;
import containerd.services.leases.v1.LeasesOuterClass;
import dev.mimg.model.Descriptor;
import dev.mimg.model.Digest;
import dev.mimg.model.Image;
import dev.mimg.model.ImageManifest;
import dev.mimg.model.Json;
import dev.mimg.model.OciDocuments;
import dev.mimg.model.Variant;
import dev.mimg.store.StoreException;
import dev.mimg.store.containerd.NamespaceContent.ImageRecord;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Changes to a namespace the store may change (the CRI's {@code k8s.io}, any but dockerd's), each under a lease:
 * the lease holds what the change keeps of the image (its index, the other variants' manifests, configs, layers and
 * snapshots) while names and manifests are deleted, so containerd's garbage collector, which deletes start, never
 * collects a kept piece of a half-done change; dropping the lease at the end runs the collector once (synchronously),
 * which then frees the config, layers and snapshots that only the removed variants used.
 */
final class ContainerdChanges {

  /** The label containerd's collector reads: a lease left behind by a crash expires on its own. */
  static final String EXPIRE_LABEL = "containerd.io/gc.expire";

  private final ContainerdClient client;

  ContainerdChanges(ContainerdClient client) {
    this.client = client;
  }

  /** Deletes these image records (names); the content stays while another record or the lease holds it. */
  void deleteNames(NamespaceContent state, Image image, List<String> names) {
    underLease(state, image, Set.of(), () -> names.forEach(this::deleteRecord));
  }

  /** Deletes every record of the image (its names, CRI id name and placeholders included), then collects. */
  void deleteImage(NamespaceContent state, Image image) {
    List<String> names = records(state, image).stream().map(ImageRecord::name).toList();
    underLease(state, image, null, () -> names.forEach(this::deleteRecord));
  }

  /**
   * Deletes the manifests of these variants (every image listing them loses them); what only they used goes with
   * the collection that ends the lease.
   */
  void deleteVariants(NamespaceContent state, Image image, List<Variant> variants) {
    Set<Digest> removed = new LinkedHashSet<>();
    variants.forEach(variant -> removed.add(variant.digest()));
    underLease(state, image, removed, () -> removed.forEach(digest -> client.call("deleting manifest " + digest,
        () -> client.content().delete(ContentOuterClass.DeleteContentRequest.newBuilder()
            .setDigest(digest.toString()).build()))));
  }

  private void deleteRecord(String name) {
    try {
      client.call("deleting image " + name, () -> client.images().delete(
          ImagesOuterClass.DeleteImageRequest.newBuilder().setName(name).build()));
    } catch (StoreException e) {
      if (!ContainerdClient.notFound(e)) {
        throw e;
      }
    }
  }

  /**
   * Runs {@code change} while a lease holds the image's content but the manifests in {@code removed} (null: the
   * whole image goes, nothing is held), then deletes the lease with a synchronous collection.
   */
  private void underLease(NamespaceContent state, Image image, Set<Digest> removed, Runnable change) {
    String id = "mimg-" + UUID.randomUUID();
    String expires = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
    client.call("creating a lease", () -> client.leases().create(LeasesOuterClass.CreateRequest.newBuilder()
        .setId(id).putLabels(EXPIRE_LABEL, expires).build()));
    try {
      if (removed != null) {
        for (String[] resource : kept(state, image, removed)) {
          client.call("adding " + resource[0] + " to the lease", () -> client.leases().addResource(
              LeasesOuterClass.AddResourceRequest.newBuilder().setId(id).setResource(LeasesOuterClass.Resource
                  .newBuilder().setId(resource[0]).setType(resource[1])).build()));
        }
      }
      change.run();
    } finally {
      client.call("ending the lease (garbage collection)", () -> client.leases().delete(
          LeasesOuterClass.DeleteRequest.newBuilder().setId(id).setSync(true).build()));
    }
  }

  /** The image's records in the listing: every name whose target is the image. */
  static List<ImageRecord> records(NamespaceContent state, Image image) {
    return state.records().stream().filter(r -> r.target().digest().equals(image.id())).toList();
  }

  /**
   * {id, type} of what the change keeps of the image: the index, and per kept variant its manifest, config,
   * layers ({@code content}) and its snapshot chain ({@code snapshots/NAME}).
   */
  static List<String[]> kept(NamespaceContent state, Image image, Set<Digest> removed) {
    List<String[]> resources = new ArrayList<>();
    resources.add(new String[] {image.id().toString(), "content"});
    ImageAssembler assembler = new ImageAssembler(state, null, dev.mimg.model.Platform.host());
    for (Descriptor descriptor : assembler.manifests(records(state, image).isEmpty()
        ? Descriptor.of(image.mediaType(), image.id(), 0) : records(state, image).get(0).target())) {
      if (removed.contains(descriptor.digest()) || !state.has(descriptor.digest())) {
        continue;
      }
      resources.add(new String[] {descriptor.digest().toString(), "content"});
      byte[] bytes = state.documents().get(descriptor.digest());
      ImageManifest manifest = bytes == null ? null : OciDocuments.manifest(bytes, "manifest " + descriptor.digest());
      if (manifest == null || manifest.config() == null) {
        continue;
      }
      resources.add(new String[] {manifest.config().digest().toString(), "content"});
      manifest.layers().forEach(layer -> resources.add(new String[] {layer.digest().toString(), "content"}));
      byte[] config = state.documents().get(manifest.config().digest());
      String snapshotter = assembler.snapshotterOf(manifest.config().digest());
      var snapshots = state.snapshots().get(snapshotter);
      String key = config == null ? null : ImageAssembler.chainId(Json.parse(config));
      while (snapshots != null && key != null && snapshots.containsKey(key)) {
        resources.add(new String[] {key, "snapshots/" + snapshotter});
        key = snapshots.get(key).parent();
      }
    }
    return resources;
  }
}
