package dev.mimg.store.docker;

import dev.mimg.model.Json;
import dev.mimg.model.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /images/{name}/json?manifests=1} (API 1.48+): one image with every name the engine holds for it and
 * its manifests as the listing gives them. Sample: {@code {"Id":"sha256:…","RepoTags":["alpine:3.16"],
 * "Created":"2024-01-02T03:04:05Z","Config":{"Labels":{…}},"Descriptor":{…},"Manifests":[…]}}.
 */
record EngineImageInspect(
    String id,
    List<String> repoTags,
    List<String> repoDigests,
    String created,
    Config config,
    EngineImageSummary.EngineDescriptor descriptor,
    List<EngineImageSummary.Manifest> manifests) {

  /** The part of the image config inspect carries that mimg reads. */
  record Config(Map<String, String> labels) {
  }

  /** The engine's answer (an object); a {@link dev.mimg.model.JsonException} for another shape. */
  static EngineImageInspect of(Json answer) {
    JsonObject json = answer.asObject("EngineImageInspect");
    JsonObject config = json.getObject("Config");
    return new EngineImageInspect(json.getString("Id"), json.getStrings("RepoTags"), json.getStrings("RepoDigests"),
        json.getString("Created"), config == null ? null : new Config(config.getStringMap("Labels")),
        EngineImageSummary.EngineDescriptor.of(json.getObject("Descriptor")),
        EngineImageSummary.Manifest.listOf(json.getArray("Manifests")));
  }

  /** The same image as a listing entry, so that one mapping serves both answers. */
  EngineImageSummary asSummary() {
    long seconds = created == null || created.isBlank() ? 0
        : dev.mimg.model.Rfc3339.parse(created).getEpochSecond();
    return new EngineImageSummary(id, repoTags, repoDigests, seconds, 0, config == null ? null : config.labels(),
        descriptor, manifests);
  }
}
