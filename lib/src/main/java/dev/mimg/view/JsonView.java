package dev.mimg.view;

import dev.mimg.model.Image;
import dev.mimg.model.Json;
import dev.mimg.model.JsonArray;
import dev.mimg.model.JsonObject;
import dev.mimg.model.Selection;
import dev.mimg.model.Reference;
import dev.mimg.model.RemoteSizes;
import dev.mimg.model.Variant;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.BiPredicate;

/** The tree as JSON: one object per image with its names and variants, sizes in bytes, for scripts. */
public final class JsonView {

  private JsonView() {
  }

  /** A JSON array (one line) of the images with every variant ({@code all}: missing ones and attestations too). */
  public static String render(List<Image> images, boolean all) {
    return render(images, Selection.ALL, all, RemoteSizes.NOT_ASKED);
  }

  /**
   * The JSON with the registry's totals when it was asked: {@code TotalSize} in bytes on images and variants (the
   * registry's size for a missing variant), null when unknown.
   */
  public static String render(List<Image> images, Selection selection, boolean all, RemoteSizes remote) {
    BiPredicate<Image, Variant> shown = selection.variants();
    JsonArray array = Json.array();
    for (Image image : images) {
      JsonObject node = array.addObject();
      if (image.store() != null) {
        node.put("Store", image.store());
      }
      node.put("Id", image.id().toString());
      node.put("MediaType", image.mediaType());
      JsonArray tags = node.putArray("RepoTags");
      image.names().stream().filter(selection.names()).forEach(name -> tags.add(name.toString()));
      JsonArray digests = node.putArray("RepoDigests");
      image.digestRefs().stream().map(Reference::familiarString).forEach(digests::add);
      node.put("Created", image.created().toString());
      JsonArray platforms = node.putArray("Platforms");
      ImageRows.platforms(image).forEach(platforms::add);
      node.put("Present", image.present().size());
      node.put("Total", image.total());
      node.put("Shallow", image.isShallow());
      node.put("Dangling", image.isDangling());
      node.put("ContentSize", image.contentSize());
      if (remote.asked()) {
        putSize(node, remote.total(image));
      }
      node.put("DiskUsage", image.diskUsage());
      node.put("Containers", image.containers().size());
      JsonArray variants = node.putArray("Variants");
      image.variants().stream().filter(v -> shown.test(image, v)).filter(v -> all || v.isPresent())
          .forEach(v -> variant(variants.addObject(), v, remote));
    }
    return array.toString() + "\n";
  }

  private static void putSize(JsonObject node, OptionalLong size) {
    if (size.isPresent()) {
      node.put("TotalSize", size.getAsLong());
    } else {
      node.set("TotalSize", Json.nullValue());
    }
  }

  private static void variant(JsonObject node, Variant variant, RemoteSizes remote) {
    node.put("Id", variant.digest().toString());
    node.put("Platform", variant.platform().toString());
    node.put("Kind", variant.kind().name().toLowerCase());
    node.put("Available", variant.available());
    node.put("ContentSize", variant.contentSize());
    if (remote.asked() && variant.isImage()) {
      putSize(node, remote.size(variant));
    }
    node.put("UnpackedSize", variant.unpackedSize());
    node.put("DiskUsage", variant.diskUsage());
    JsonArray containers = node.putArray("Containers");
    variant.containers().forEach(containers::add);
    if (variant.attestationFor() != null) {
      node.put("AttestationFor", variant.attestationFor().toString());
    }
  }
}
