package dev.mimg.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads OCI image indexes and manifests from their bytes, wherever they come from (a layout, a registry), with one
 * set of checks: valid JSON, an index of schemaVersion 2, a digest on every descriptor. Failures are one-line
 * {@link IllegalArgumentException}s that start with {@code what}, the document's name in the message. Writes
 * them as Jackson wrote mimg's records: fields in the records' order, null ones left out, empty annotations and
 * empty platform fields too; unknown fields are not kept.
 */
public final class OciDocuments {

  private OciDocuments() {
  }

  /** Parses an image index; {@code what} names the document in the one-line error. */
  public static ImageIndex index(byte[] bytes, String what) {
    ImageIndex index;
    try {
      index = index(parse(bytes, what));
    } catch (InvalidInputException | JsonException e) {
      throw unreadable(what, e);
    }
    if (index.schemaVersion() != 2) {
      throw new IllegalArgumentException(what + " has schemaVersion " + index.schemaVersion() + ", expected 2");
    }
    for (Descriptor child : index.manifests()) {
      requireDigest(child, what);
    }
    return index;
  }

  /** Parses an image manifest; its config and every layer must name a digest. */
  public static ImageManifest manifest(byte[] bytes, String what) {
    ImageManifest manifest;
    try {
      manifest = manifest(parse(bytes, what));
    } catch (InvalidInputException | JsonException e) {
      throw unreadable(what, e);
    }
    if (manifest.config() != null) {
      requireDigest(manifest.config(), what);
    }
    for (Descriptor layer : manifest.layers()) {
      requireDigest(layer, what);
    }
    return manifest;
  }

  /** Reads a descriptor object (unchecked: its digest may be missing); a {@link JsonException} if it is none. */
  public static Descriptor descriptor(Json json) {
    JsonObject object = json.asObject("Descriptor");
    String digest = object.getString("digest");
    return new Descriptor(object.getString("mediaType"), digest == null ? null : Digest.parse(digest),
      object.getLong("size"), platform(object.getObject("platform")), object.getStringMap("annotations"),
      object.getString("artifactType"));
  }

  /** The index as JSON (see the class comment for what is written). */
  public static JsonObject toJson(ImageIndex index) {
    JsonObject json = Json.object().put("schemaVersion", index.schemaVersion());
    putIfNotNull(json, "mediaType", index.mediaType());
    json.set("manifests", toJson(index.manifests()));
    putAnnotations(json, index.annotations());
    return json;
  }

  /** The manifest as JSON (see the class comment for what is written). */
  public static JsonObject toJson(ImageManifest manifest) {
    JsonObject json = Json.object().put("schemaVersion", manifest.schemaVersion());
    putIfNotNull(json, "mediaType", manifest.mediaType());
    if (manifest.config() != null) {
      json.set("config", toJson(manifest.config()));
    }
    json.set("layers", toJson(manifest.layers()));
    putAnnotations(json, manifest.annotations());
    if (manifest.subject() != null) {
      json.set("subject", toJson(manifest.subject()));
    }
    return json;
  }

  /** The descriptor as JSON (see the class comment for what is written). */
  public static JsonObject toJson(Descriptor descriptor) {
    JsonObject json = Json.object();
    putIfNotNull(json, "mediaType", descriptor.mediaType());
    if (descriptor.digest() != null) {
      json.put("digest", descriptor.digest().toString());
    }
    json.put("size", descriptor.size());
    if (descriptor.platform() != null) {
      json.set("platform", toJson(descriptor.platform()));
    }
    putAnnotations(json, descriptor.annotations());
    putIfNotNull(json, "artifactType", descriptor.artifactType());
    return json;
  }

  private static JsonObject toJson(PlatformJson platform) {
    JsonObject json = Json.object();
    putIfNotEmpty(json, "architecture", platform.architecture());
    putIfNotEmpty(json, "os", platform.os());
    putIfNotEmpty(json, "os.version", platform.osVersion());
    if (platform.osFeatures() != null && !platform.osFeatures().isEmpty()) {
      JsonArray features = json.putArray("os.features");
      platform.osFeatures().forEach(features::add);
    }
    putIfNotEmpty(json, "variant", platform.variant());
    return json;
  }

  private static JsonArray toJson(List<Descriptor> descriptors) {
    JsonArray array = Json.array();
    for (Descriptor descriptor : descriptors) {
      array.add(toJson(descriptor));
    }
    return array;
  }

  private static void putIfNotNull(JsonObject json, String name, String value) {
    if (value != null) {
      json.put(name, value);
    }
  }

  private static void putIfNotEmpty(JsonObject json, String name, String value) {
    if (value != null && !value.isEmpty()) {
      json.put(name, value);
    }
  }

  private static void putAnnotations(JsonObject json, Map<String, String> annotations) {
    if (!annotations.isEmpty()) {
      JsonObject object = json.putObject("annotations");
      annotations.forEach(object::put);
    }
  }

  private static ImageIndex index(Json json) {
    JsonObject object = json.asObject("ImageIndex");
    return new ImageIndex(object.getInt("schemaVersion"), object.getString("mediaType"),
      descriptors(object.getArray("manifests")), object.getStringMap("annotations"));
  }

  private static ImageManifest manifest(Json json) {
    JsonObject object = json.asObject("ImageManifest");
    JsonObject config = object.getObject("config");
    JsonObject subject = object.getObject("subject");
    return new ImageManifest(object.getInt("schemaVersion"), object.getString("mediaType"),
      config == null ? null : descriptor(config), descriptors(object.getArray("layers")),
      object.getStringMap("annotations"), subject == null ? null : descriptor(subject));
  }

  private static List<Descriptor> descriptors(JsonArray array) {
    if (array == null) {
      return null;
    }
    List<Descriptor> descriptors = new ArrayList<>(array.size());
    for (JsonObject object : array.objects("Descriptor")) {
      descriptors.add(descriptor(object));
    }
    return descriptors;
  }

  private static PlatformJson platform(JsonObject object) {
    if (object == null) {
      return null;
    }
    return new PlatformJson(object.getString("architecture"), object.getString("os"),
      object.getString("os.version"), object.getStrings("os.features"), object.getString("variant"));
  }

  private static void requireDigest(Descriptor descriptor, String what) {
    if (descriptor == null || descriptor.digest() == null) {
      throw new IllegalArgumentException(what + " has a descriptor without a digest");
    }
  }

  /** The document's JSON: neither empty nor null (malformed is a {@link JsonException}). */
  private static Json parse(byte[] bytes, String what) {
    Json json = Json.parse(bytes);
    if (json.isMissing()) {
      throw new IllegalArgumentException(what + " is not valid JSON: no content");
    }
    if (json.isNull()) {
      throw new IllegalArgumentException(what + " is empty");
    }
    return json;
  }

  /** The one-line error for {@code what} that holds an invalid value or is no JSON of its kind. */
  private static IllegalArgumentException unreadable(String what, IllegalArgumentException e) {
    return e instanceof JsonException json
        ? new IllegalArgumentException(what + " is not valid JSON: " + json.reason(), e)
        : new IllegalArgumentException(what + " has " + e.getMessage(), e);
  }
}
