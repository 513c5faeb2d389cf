package dev.mimg.store.docker;

import dev.mimg.model.Json;
import dev.mimg.model.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of {@code GET /containers/json?all=1}; {@code ImageManifestDescriptor} (API 1.48+) names the variant
 * the container was created from.
 */
record EngineContainer(
    String id,
    List<String> names,
    String image,
    String imageId,
    EngineImageSummary.EngineDescriptor imageManifestDescriptor) {

  /** The entries of the engine's answer (an array); a {@link dev.mimg.model.JsonException} for another shape. */
  static List<EngineContainer> listOf(Json answer) {
    List<EngineContainer> containers = new ArrayList<>();
    for (JsonObject json : answer.asArray("List<EngineContainer>").objects("EngineContainer")) {
      containers.add(new EngineContainer(json.getString("Id"), json.getStrings("Names"), json.getString("Image"),
          json.getString("ImageID"),
              EngineImageSummary.EngineDescriptor.of(json.getObject("ImageManifestDescriptor"))));
    }
    return containers;
  }
}
