package dev.mimg.store.docker;

import dev.mimg.model.Json;
import dev.mimg.model.JsonArray;
import dev.mimg.model.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One entry of {@code GET /images/json?manifests=1} (API 1.47+; {@code Manifests} absent on older engines and on
 * the graphdriver store). Sample: {@code {"Id":"sha256:…","RepoTags":["alpine:3.16"],"Created":1704164645,
 * "Descriptor":{…},"Manifests":[{"ID":"sha256:…","Available":true,"Kind":"image",…}]}}. Read by hand from the
 * answer's JSON; unknown fields are ignored, a field of the wrong type is a {@link dev.mimg.model.JsonException}.
 */
record EngineImageSummary(
    String id,
    List<String> repoTags,
    List<String> repoDigests,
    long created,
    long size,
    Map<String, String> labels,
    EngineDescriptor descriptor,
    List<Manifest> manifests) {

  /** The entries of the engine's answer (an array). */
  static List<EngineImageSummary> listOf(Json answer) {
    List<EngineImageSummary> summaries = new ArrayList<>();
    for (JsonObject json : answer.asArray("List<EngineImageSummary>").objects("EngineImageSummary")) {
      summaries.add(new EngineImageSummary(json.getString("Id"), json.getStrings("RepoTags"),
          json.getStrings("RepoDigests"), json.getLong("Created"), json.getLong("Size"), json.getStringMap("Labels"),
          EngineDescriptor.of(json.getObject("Descriptor")), Manifest.listOf(json.getArray("Manifests"))));
    }
    return summaries;
  }

  /** An OCI descriptor as the engine sends it. */
  record EngineDescriptor(
      String mediaType, String digest, long size, EnginePlatform platform, Map<String, String> annotations) {

    /** The descriptor of {@code json}; null for null. */
    static EngineDescriptor of(JsonObject json) {
      return json == null ? null : new EngineDescriptor(json.getString("mediaType"), json.getString("digest"),
          json.getLong("size"), EnginePlatform.of(json.getObject("platform")), json.getStringMap("annotations"));
    }
  }

  /** An OCI platform as the engine sends it. */
  record EnginePlatform(String os, String architecture, String variant) {

    /** The platform of {@code json}; null for null. */
    static EnginePlatform of(JsonObject json) {
      return json == null ? null
          : new EnginePlatform(json.getString("os"), json.getString("architecture"), json.getString("variant"));
    }
  }

  /** {@code ImageManifestSummary}: one manifest of the image, available or not. */
  record Manifest(
      String id,
      EngineDescriptor descriptor,
      boolean available,
      ManifestSize size,
      String kind,
      ImageData imageData,
      AttestationData attestationData) {

    /** The manifests of {@code array}; null for null (an engine that does not list them). */
    static List<Manifest> listOf(JsonArray array) {
      if (array == null) {
        return null;
      }
      List<Manifest> manifests = new ArrayList<>(array.size());
      for (JsonObject json : array.objects("Manifest")) {
        JsonObject size = json.getObject("Size");
        JsonObject attestation = json.getObject("AttestationData");
        manifests.add(new Manifest(json.getString("ID"), EngineDescriptor.of(json.getObject("Descriptor")),
            json.getBoolean("Available"), size == null ? null : new ManifestSize(size.getLong("Content"),
            size.getLong("Total")), json.getString("Kind"), ImageData.of(json.getObject("ImageData")),
            attestation == null ? null : new AttestationData(attestation.getString("For"))));
      }
      return manifests;
    }
  }

  /** Content (blobs) and Total (content + unpacked) sizes of a manifest. */
  record ManifestSize(long content, long total) {
  }

  /** Per-platform data of an image manifest. */
  record ImageData(EnginePlatform platform, List<String> containers, UnpackedSize size) {

    /** The data of {@code json}; null for null. */
    static ImageData of(JsonObject json) {
      if (json == null) {
        return null;
      }
      JsonObject size = json.getObject("Size");
      return new ImageData(EnginePlatform.of(json.getObject("Platform")), json.getStrings("Containers"),
          size == null ? null : new UnpackedSize(size.getLong("Unpacked")));
    }
  }

  /** Unpacked size of a platform's layers. */
  record UnpackedSize(long unpacked) {
  }

  /** What an attestation manifest is for. */
  record AttestationData(String forDigest) {
  }
}
