package dev.mimg.store.oci;

import dev.mimg.model.Descriptor;
import dev.mimg.model.Digest;
import dev.mimg.model.ImageIndex;
import dev.mimg.model.Json;
import dev.mimg.model.JsonArray;
import dev.mimg.model.JsonObject;
import dev.mimg.model.JsonText;
import dev.mimg.model.MediaTypes;
import dev.mimg.model.OciDocuments;
import dev.mimg.model.Platform;
import dev.mimg.model.PlatformJson;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes real layouts for tests: sha256-addressed blobs, configs, one-layer manifests, indexes and index.json entries. */
final class TestLayout {

  static final String LAYER = "application/vnd.oci.image.layer.v1.tar+gzip";

  final OciLayout layout;

  private TestLayout(OciLayout layout) {
    this.layout = layout;
  }

  /** An empty layout in {@code dir}. */
  static TestLayout create(Path dir) {
    return new TestLayout(OciLayout.create(dir));
  }

  /** Stores bytes as a blob and returns its descriptor. */
  Descriptor blob(String mediaType, byte[] bytes) {
    Digest digest = Digest.sha256Of(bytes);
    layout.putBlob(digest, bytes.length, new ByteArrayInputStream(bytes));
    return Descriptor.of(mediaType, digest, bytes.length);
  }

  /** Stores a JSON document as a blob. */
  Descriptor json(String mediaType, Object document) {
    return blob(mediaType, JsonText.utf8(toJson(document)));
  }

  /** Maps, lists, strings, numbers and mimg's OCI records as JSON. */
  static Json toJson(Object value) {
    if (value == null) {
      return Json.nullValue();
    }
    if (value instanceof ImageIndex index) {
      return OciDocuments.toJson(index);
    }
    if (value instanceof Descriptor descriptor) {
      return OciDocuments.toJson(descriptor);
    }
    if (value instanceof Map<?, ?> map) {
      JsonObject object = Json.object();
      map.forEach((name, member) -> object.set(name.toString(), toJson(member)));
      return object;
    }
    if (value instanceof List<?> list) {
      JsonArray array = Json.array();
      list.forEach(element -> array.add(toJson(element)));
      return array;
    }
    if (value instanceof Number number) {
      return Json.of(number.longValue());
    }
    return value instanceof Boolean bool ? Json.of(bool) : Json.of(value.toString());
  }

  /** A one-layer image of {@code platform}: layer, config (created, a label) and manifest; returns the manifest's descriptor with the platform. */
  Descriptor image(Platform platform, String created, int layerBytes) {
    byte[] layer = new byte[layerBytes];
    Arrays.fill(layer, (byte) (platform.toString().hashCode() + layerBytes));
    Descriptor layerDescriptor = blob(LAYER, layer);
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("architecture", platform.architecture());
    config.put("os", platform.os());
    if (!platform.variant().isEmpty()) {
      config.put("variant", platform.variant());
    }
    config.put("created", created);
    config.put("config", Map.of("Cmd", List.of("/bin/true"), "Labels", Map.of("platform", platform.toString())));
    config.put("rootfs", Map.of("type", "layers", "diff_ids", List.of(Digest.sha256Of(layer).toString())));
    Descriptor configDescriptor = json(MediaTypes.OCI_CONFIG, config);
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("schemaVersion", 2);
    manifest.put("mediaType", MediaTypes.OCI_MANIFEST);
    manifest.put("config", configDescriptor);
    manifest.put("layers", List.of(layerDescriptor));
    Descriptor stored = json(MediaTypes.OCI_MANIFEST, manifest);
    return new Descriptor(stored.mediaType(), stored.digest(), stored.size(), PlatformJson.from(platform), null, null);
  }

  /** An index blob listing {@code manifests}. */
  Descriptor index(Descriptor... manifests) {
    return json(MediaTypes.OCI_INDEX, new ImageIndex(2, MediaTypes.OCI_INDEX, List.of(manifests), null));
  }

  /** Appends an index.json entry for {@code target} with the ref.name exactly as given (null for none). */
  void entry(String refName, Descriptor target) {
    Descriptor plain = Descriptor.of(target.mediaType(), target.digest(), target.size());
    Map<String, String> annotations = refName == null ? Map.of() : Map.of(OciLayout.REF_NAME_ANNOTATION, refName);
    Descriptor named = new Descriptor(plain.mediaType(), plain.digest(), plain.size(), null, annotations, null);
    layout.updateIndex(index -> {
      List<Descriptor> manifests = new ArrayList<>(index.manifests());
      manifests.add(named);
      return new ImageIndex(index.schemaVersion(), index.mediaType(), manifests, index.annotations());
    });
  }

  /** The UTF-8 bytes of a string. */
  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
