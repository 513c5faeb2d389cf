package dev.mimg.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An index without some of its children: the same JSON with those entries (and the attestations that describe
 * them) left out of {@code manifests}, everything else as it was, so the same removal always gives the same bytes
 * and the plan can name the new digest before anything is pushed.
 */
public record IndexRewrite(byte[] bytes, Digest digest, List<Descriptor> dropped) {

  /** Defensive copies. */
  public IndexRewrite {
    bytes = bytes.clone();
    dropped = List.copyOf(dropped);
  }

  /** A copy of the new index's bytes. */
  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The index {@code index} without {@code removed} and the attestation manifests whose subject is one of them. */
  public static IndexRewrite without(byte[] index, Set<Digest> removed) {
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
