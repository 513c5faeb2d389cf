package dev.mimg.store.oci;

import dev.mimg.model.Descriptor;
import dev.mimg.model.Digest;
import dev.mimg.model.ImageManifest;
import dev.mimg.model.Json;
import dev.mimg.model.MediaTypes;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * What a layout's blobs refer to: indexes name manifests, manifests name a config and layers. A child that is not
 * in the layout ends its branch (a shallow image keeps only some of its platforms); a {@code subject} is not followed
 * (a referrer does not own what it describes).
 */
final class ContentGraph {

  /** Blobs larger than this are layers, not JSON documents worth reading for a media type. */
  private static final long SNIFF_LIMIT = 4L << 20;

  private ContentGraph() {
  }

  /** Every digest reachable from {@code roots}, the roots included, whether its blob is present or not. */
  static Set<Digest> reachable(OciLayout layout, Collection<Descriptor> roots) {
    Set<Digest> seen = new HashSet<>();
    Deque<Descriptor> pending = new ArrayDeque<>(roots);
    while (!pending.isEmpty()) {
      Descriptor next = pending.pop();
      if (!seen.add(next.digest()) || !layout.hasBlob(next.digest())) {
        continue;
      }
      String mediaType = mediaType(layout, next);
      if (MediaTypes.isIndex(mediaType)) {
        pending.addAll(layout.readIndexBlob(next.digest()).manifests());
      } else if (MediaTypes.isManifest(mediaType)) {
        ImageManifest manifest = layout.readManifestBlob(next.digest());
        if (manifest.config() != null) {
          pending.push(manifest.config());
        }
        pending.addAll(manifest.layers());
      }
    }
    return seen;
  }

  /** The descriptor's media type, or the one the blob declares when the descriptor has none. */
  static String mediaType(OciLayout layout, Descriptor descriptor) {
    if (descriptor.mediaType() != null) {
      return descriptor.mediaType();
    }
    long size = layout.blobSize(descriptor.digest());
    if (size < 0 || size > SNIFF_LIMIT) {
      return null; // missing (a shallow or damaged layout), or too large to be a manifest
    }
    byte[] bytes = layout.readBlob(descriptor.digest());
    if (bytes.length == 0 || bytes[0] != '{') {
      return null;
    }
    try {
      Json node = LayoutJson.tree(bytes, "blob " + descriptor.digest());
      return node.path("mediaType").isTextual() ? node.path("mediaType").asText() : null;
    } catch (IllegalArgumentException notJson) {
      return null;
    }
  }
}
