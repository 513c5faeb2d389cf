package dev.mimg.store.registry;

import dev.mimg.model.Descriptor;
import dev.mimg.model.Digest;
import dev.mimg.model.Image;
import dev.mimg.model.ImageManifest;
import dev.mimg.model.MediaTypes;
import dev.mimg.model.Reference;
import dev.mimg.model.Variant;
import dev.mimg.registry.Fetched;
import dev.mimg.registry.RegistryClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Manifests by digest (from the content cache, else fetched and verified into it) and the blobs they use, as a
 * registry's garbage collection sees them: a manifest's own bytes, its config and its layers.
 */
final class RegistryBlobs {

  private final RegistryClient client;
  private final ContentCache content;

  RegistryBlobs(RegistryClient client, ContentCache content) {
    this.client = client;
    this.content = content;
  }

  /** A manifest by digest, from the cache or fetched (verified) into it. */
  Fetched manifest(Reference repository, Digest digest) {
    return content.get(digest).orElseGet(() -> content.put(client.manifest(repository, digest)));
  }

  /** The children an index names. */
  List<Digest> children(Fetched index) {
    return index.index().manifests().stream()
        .map(Descriptor::digest).toList();
  }

  /** Every blob the image's top manifest and these variants use, by digest, with its size. */
  Map<Digest, Long> of(Image image, List<Variant> variants) {
    Reference repository = image.digestRefs().get(0);
    Map<Digest, Long> blobs = new LinkedHashMap<>();
    Fetched top = manifest(repository, image.id());
    blobs.put(top.digest(), top.size());
    for (Variant variant : variants) {
      Fetched fetched = MediaTypes.isIndex(top.mediaType()) ? manifest(repository, variant.digest()) : top;
      blobs.put(fetched.digest(), fetched.size());
      ImageManifest manifest = fetched.manifest();
      if (manifest.config() != null) {
        blobs.put(manifest.config().digest(), manifest.config().size());
      }
      manifest.layers().forEach(layer -> blobs.put(layer.digest(), layer.size()));
    }
    return blobs;
  }

  /** Every manifest of the image the registry holds: its platforms, attestations and referrers. */
  static List<Variant> held(Image image) {
    return image.variants().stream().filter(Variant::available).toList();
  }

  /** The bytes of every distinct blob these images use. */
  long bytes(List<Image> images) {
    Map<Digest, Long> all = new LinkedHashMap<>();
    images.forEach(image -> all.putAll(of(image, held(image))));
    return all.values().stream().mapToLong(Long::longValue).sum();
  }
}
