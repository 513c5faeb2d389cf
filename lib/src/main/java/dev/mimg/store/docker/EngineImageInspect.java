package dev.mimg.store.docker;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /images/{name}/json?manifests=1} (API 1.48+): one image with every name the engine holds for it and
 * its manifests as the listing gives them. Sample: {@code {"Id":"sha256:…","RepoTags":["alpine:3.16"],
 * "Created":"2024-01-02T03:04:05Z","Config":{"Labels":{…}},"Descriptor":{…},"Manifests":[…]}}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record EngineImageInspect(
    @JsonProperty("Id") String id,
    @JsonProperty("RepoTags") List<String> repoTags,
    @JsonProperty("RepoDigests") List<String> repoDigests,
    @JsonProperty("Created") String created,
    @JsonProperty("Config") Config config,
    @JsonProperty("Descriptor") EngineImageSummary.EngineDescriptor descriptor,
    @JsonProperty("Manifests") List<EngineImageSummary.Manifest> manifests) {

  /** The part of the image config inspect carries that mimg reads. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Config(@JsonProperty("Labels") Map<String, String> labels) {
  }

  /** The same image as a listing entry, so that one mapping serves both answers. */
  EngineImageSummary asSummary() {
    long seconds = created == null || created.isBlank() ? 0
        : java.time.OffsetDateTime.parse(created).toEpochSecond();
    return new EngineImageSummary(id, repoTags, repoDigests, seconds, 0, config == null ? null : config.labels(),
        descriptor, manifests);
  }
}
