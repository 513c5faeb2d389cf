package dev.mimg.store;

import dev.mimg.model.Descriptor;
import dev.mimg.model.Image;
import dev.mimg.model.Json;
import dev.mimg.model.JsonArray;
import dev.mimg.model.JsonObject;
import dev.mimg.model.OciDocuments;
import dev.mimg.model.Reference;
import dev.mimg.model.Variant;

/**
 * The inspect object of a present variant of a store that holds OCI documents (a layout, a registry), shaped like the
 * main fields of {@code docker image inspect}.
 */
public final class InspectObject {

  private InspectObject() {
  }

  /**
   * Id, RepoTags, RepoDigests, Created, Architecture, Os, Variant, Size, Config, RootFS and Descriptor of
   * {@code variant} of {@code image}, listed by {@code descriptor}, with its image {@code config}.
   */
  public static JsonObject of(Image image, Variant variant, Descriptor descriptor, JsonObject config) {
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
    node.set("Descriptor", OciDocuments.toJson(descriptor));
    return node;
  }
}
