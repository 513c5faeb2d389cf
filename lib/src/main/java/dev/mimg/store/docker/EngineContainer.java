package dev.mimg.store.docker;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One entry of {@code GET /containers/json?all=1}; {@code ImageManifestDescriptor} (API 1.48+) names the variant
 * the container was created from.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record EngineContainer(
    @JsonProperty("Id") String id,
    @JsonProperty("Names") List<String> names,
    @JsonProperty("Image") String image,
    @JsonProperty("ImageID") String imageId,
    @JsonProperty("ImageManifestDescriptor") EngineImageSummary.EngineDescriptor imageManifestDescriptor) {
}
