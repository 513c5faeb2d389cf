package dev.mimg.store.registry;

import dev.mimg.model.Descriptor;
import dev.mimg.model.Digest;
import dev.mimg.model.Json;
import dev.mimg.model.JsonArray;
import dev.mimg.model.JsonObject;
import dev.mimg.model.JsonText;
import dev.mimg.model.OciDocuments;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An index without some of its children: the same JSON with those entries (and the attestations that describe
 * them) left out of {@code manifests}, everything else as it was, so the same removal always gives the same bytes
 * and the plan can name the new digest before anything is pushed.
 */
record IndexRewrite(byte[] bytes, Digest digest, List<Descriptor> dropped) {

  /** The index {@code index} without {@code removed} and the attestation manifests whose subject is one of them. */
  static IndexRewrite without(byte[] index, Set<Digest> removed) {
    JsonObject json = Json.parse(index).asObject("image index");
    JsonArray kept = Json.array();
    List<Descriptor> dropped = new ArrayList<>();
    for (Json entry : json.getArray("manifests")) {
      Descriptor child = OciDocuments.descriptor(entry);
      String subject = child.annotations().get(Descriptor.REFERENCE_DIGEST_ANNOTATION);
      boolean describesRemoved = child.isAttestation() && subject != null && removed.contains(Digest.parse(subject));
      if (removed.contains(child.digest()) || describesRemoved) {
        dropped.add(child);
      } else {
        kept.add(entry);
      }
    }
    json.set("manifests", kept);
    byte[] bytes = JsonText.utf8(json);
    return new IndexRewrite(bytes, Digest.of(Digest.SHA256, bytes), List.copyOf(dropped));
  }
}
