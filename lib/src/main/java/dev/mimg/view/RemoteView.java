package dev.mimg.view;

import dev.mimg.model.HumanSize;
import dev.mimg.model.Json;
import dev.mimg.model.JsonArray;
import dev.mimg.model.JsonObject;
import dev.mimg.model.RemoteVariant;
import dev.mimg.render.TabWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code mimg remote ls}: a reference's variants as a registry's tag page lists them ({@code DIGEST PLATFORM SIZE},
 * sizes as {@code docker image ls} prints them), or as JSON with sizes in bytes. Attestations only when asked,
 * marked in PLATFORM.
 */
public final class RemoteView {

  private RemoteView() {
  }

  /** The table; {@code all} adds attestation manifests, {@code noTrunc} prints full digests. */
  public static String table(List<RemoteVariant> variants, boolean all, boolean noTrunc) {
    List<String> lines = new ArrayList<>();
    lines.add("DIGEST\tPLATFORM\tSIZE");
    for (RemoteVariant variant : variants) {
      if (all || variant.isImage()) {
        String digest = noTrunc ? variant.digest().toString() : variant.digest().shortId();
        String platform = variant.isImage() ? variant.platform().toString()
            : "attestation" + (variant.attestationFor() == null ? "" : " for " + variant.attestationFor().shortId());
        lines.add(String.join("\t", digest, platform, HumanSize.format(variant.size())));
      }
    }
    return TabWriter.format(lines);
  }

  /** One JSON array (one line) of the variants, sizes in bytes; {@code all} adds attestation manifests. */
  public static String json(List<RemoteVariant> variants, boolean all) {
    JsonArray array = Json.array();
    for (RemoteVariant variant : variants) {
      if (all || variant.isImage()) {
        JsonObject node = array.addObject();
        node.put("Digest", variant.digest().toString());
        node.put("MediaType", variant.mediaType());
        node.put("Platform", variant.platform().toString());
        node.put("Kind", variant.kind().name().toLowerCase());
        node.put("Size", variant.size());
        if (variant.attestationFor() != null) {
          node.put("AttestationFor", variant.attestationFor().toString());
        }
      }
    }
    return array + "\n";
  }
}
