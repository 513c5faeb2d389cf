package dev.mimg.store.oci;

import dev.mimg.model.Descriptor;
import dev.mimg.model.Digest;
import dev.mimg.model.ImageIndex;
import dev.mimg.model.MediaTypes;
import dev.mimg.model.Reference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code index.json} changes a pull makes, each one atomic update under the layout's lock: name an image
 * (a tag moves; an image left with no entry stays as an unnamed, dangling one, as the engine keeps it) and record
 * an image pulled by digest (ref.name {@code repo@sha256:...}, which mimg lists as a digest reference, not a tag).
 */
final class LayoutNaming {

  private LayoutNaming() {
  }

  /**
   * Gives {@code target} the name {@code reference} (a tag or a digest reference, full normalized form). Another
   * entry with that name loses it; if that leaves its image without an entry, it stays as an unnamed one. An
   * unnamed entry of {@code target} is replaced, since the image now has a name. Under the same lock it first
   * checks that every blob of {@code content} is still there (a removal in another process may have collected
   * blobs the pull found present), so no name ever points at missing content.
   */
  static void name(OciLayout layout, Reference reference, Descriptor target, List<Digest> content) {
    String name = reference.toString();
    layout.updateIndex(index -> {
      for (Digest digest : content) {
        if (!layout.hasBlob(digest)) {
          throw new dev.mimg.store.StoreException("blob " + digest.shortId() + " of " + reference.familiarString()
              + " was removed while it was being pulled (another mimg removed content); nothing was named: pull again");
        }
      }
      List<Descriptor> kept = new ArrayList<>();
      List<Descriptor> moved = new ArrayList<>();
      for (Descriptor entry : index.manifests()) {
        String refName = entry.annotations().get(OciLayout.REF_NAME_ANNOTATION);
        if (name.equals(refName)) {
          moved.add(entry);
        } else if (!(refName == null && entry.digest().equals(target.digest()))) {
          kept.add(entry);
        }
      }
      for (Descriptor old : moved) {
        if (!old.digest().equals(target.digest()) && !hasEntry(kept, old.digest())) {
          kept.add(withName(old, null));
        }
      }
      kept.add(withName(target, name));
      return new ImageIndex(index.schemaVersion(), index.mediaType() == null ? MediaTypes.OCI_INDEX
          : index.mediaType(), kept, index.annotations());
    });
  }

  private static boolean hasEntry(List<Descriptor> entries, Digest digest) {
    return entries.stream().anyMatch(d -> d.digest().equals(digest));
  }

  /** The entry for {@code target}: its media type, digest and size, with {@code name} as ref.name (none when null). */
  static Descriptor withName(Descriptor target, String name) {
    Map<String, String> annotations = new LinkedHashMap<>(target.annotations());
    annotations.remove(OciLayout.REF_NAME_ANNOTATION);
    if (name != null) {
      annotations.put(OciLayout.REF_NAME_ANNOTATION, name);
    }
    return new Descriptor(target.mediaType(), target.digest(), target.size(), target.platform(), annotations,
        target.artifactType());
  }
}
