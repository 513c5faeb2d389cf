package dev.mimg.store.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mimg.model.Image;
import dev.mimg.model.Reference;
import dev.mimg.model.Variant;

/** The inspect object of a present variant, shaped like the main fields of {@code docker image inspect}. */
final class LayoutInspect {

  private LayoutInspect() {
  }

  /** Id, RepoTags, RepoDigests, Created, Architecture, Os, Variant, Size, Config, RootFS and Descriptor. */
  static ObjectNode of(Image image, LayoutVariant held) {
    JsonNode config = held.config();
    Variant variant = held.variant();
    ObjectNode node = LayoutJson.mapper().createObjectNode();
    node.put("Id", image.id().toString());
    ArrayNode tags = node.putArray("RepoTags");
    image.tags().forEach(tag -> tags.add(tag.familiarString()));
    ArrayNode digests = node.putArray("RepoDigests");
    image.digestRefs().stream().map(Reference::familiarString).distinct().forEach(digests::add);
    node.put("Created", config.path("created").asText(""));
    node.put("Architecture", variant.platform().architecture());
    node.put("Os", variant.platform().os());
    if (!variant.platform().variant().isEmpty()) {
      node.put("Variant", variant.platform().variant());
    }
    node.put("Size", variant.contentSize());
    node.set("Config", config.path("config").isObject() ? config.get("config").deepCopy()
        : LayoutJson.mapper().createObjectNode());
    ObjectNode rootFs = node.putObject("RootFS");
    rootFs.put("Type", config.path("rootfs").path("type").asText("layers"));
    ArrayNode layers = rootFs.putArray("Layers");
    config.path("rootfs").path("diff_ids").forEach(diffId -> layers.add(diffId.asText()));
    node.set("Descriptor", LayoutJson.mapper().valueToTree(held.descriptor()));
    return node;
  }
}
