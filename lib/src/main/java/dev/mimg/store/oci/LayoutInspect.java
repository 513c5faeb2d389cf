package dev.mimg.store.oci;

import dev.mimg.model.Image;
import dev.mimg.model.Json;
import dev.mimg.model.JsonArray;
import dev.mimg.model.JsonObject;
import dev.mimg.model.OciDocuments;
import dev.mimg.model.Reference;
import dev.mimg.model.Variant;

/** The inspect object of a present variant, shaped like the main fields of {@code docker image inspect}. */
final class LayoutInspect {

  private LayoutInspect() {
  }

  /** Id, RepoTags, RepoDigests, Created, Architecture, Os, Variant, Size, Config, RootFS and Descriptor. */
  static JsonObject of(Image image, LayoutVariant held) {
    JsonObject config = held.config();
    Variant variant = held.variant();
    JsonObject node = Json.object();
    node.put("Id", image.id().toString());
    JsonArray tags = node.putArray("RepoTags");
    image.tags().forEach(tag -> tags.add(tag.familiarString()));
    JsonArray digests = node.putArray("RepoDigests");
    image.digestRefs().stream().map(Reference::familiarString).distinct().forEach(digests::add);
    node.put("Created", config.path("created").asText(""));
    node.put("Architecture", variant.platform().architecture());
    node.put("Os", variant.platform().os());
    if (!variant.platform().variant().isEmpty()) {
      node.put("Variant", variant.platform().variant());
    }
    node.put("Size", variant.contentSize());
    node.set("Config", config.path("config").isObject() ? config.path("config") : Json.object());
    JsonObject rootFs = node.putObject("RootFS");
    rootFs.put("Type", config.path("rootfs").path("type").asText("layers"));
    JsonArray layers = rootFs.putArray("Layers");
    config.path("rootfs").path("diff_ids").forEach(diffId -> layers.add(diffId.asText()));
    node.set("Descriptor", OciDocuments.toJson(held.descriptor()));
    return node;
  }
}
