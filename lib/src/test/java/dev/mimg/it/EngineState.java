package dev.mimg.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mimg.bed.Bed;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The snap engine's own answers, read over its socket with curl (not with mimg's code), for mutation tests. */
final class EngineState {

  private static final ObjectMapper JSON = new ObjectMapper();

  private EngineState() {
  }

  /** {@code GET /images/json?manifests=1} as the engine answers it. */
  static JsonNode raw() {
    String socket = System.getenv("MIMG_BED_SNAP_HOST").substring("unix://".length());
    try {
      return JSON.readTree(Bed.run(List.of("curl", "-fsS", "--unix-socket", socket,
          "http://docker/v1.51/images/json?manifests=1"), Map.of()));
    } catch (IOException e) {
      throw new AssertionError("the engine's answer is not JSON", e);
    }
  }

  /** The engine's summary of the image tagged {@code tag}. */
  static JsonNode summary(String tag) {
    for (JsonNode image : raw()) {
      for (JsonNode name : image.path("RepoTags")) {
        if (name.asText().equals(tag)) {
          return image;
        }
      }
    }
    throw new AssertionError("the engine lists no image " + tag);
  }

  /** The engine's summary of the image with this id. */
  static JsonNode byId(String id) {
    for (JsonNode image : raw()) {
      if (image.path("Id").asText().equals(id)) {
        return image;
      }
    }
    throw new AssertionError("the engine lists no image " + id);
  }

  /** The platforms the engine says are available in a summary, as os/arch[/variant]. */
  static List<String> available(JsonNode summary) {
    List<String> platforms = new ArrayList<>();
    for (JsonNode manifest : summary.path("Manifests")) {
      if (manifest.path("Available").asBoolean() && manifest.path("Kind").asText().equals("image")) {
        JsonNode p = manifest.path("ImageData").path("Platform");
        platforms.add(p.path("os").asText() + "/" + p.path("architecture").asText()
            + (p.path("variant").asText("").isEmpty() ? "" : "/" + p.path("variant").asText()));
      }
    }
    return platforms;
  }

  /** Pulls mimg/rmme:1 (amd64, arm64/v8, s390x of its 4 platforms) and leaves it under {@code tags} only. */
  static void pullRmme(String... tags) {
    String source = Bed.ref("mimg/rmme:1");
    for (String platform : List.of("linux/amd64", "linux/arm64/v8", "linux/s390x")) {
      Bed.docker("pull", "-q", "--platform", platform, source);
    }
    for (String tag : tags) {
      Bed.docker("tag", source, tag);
    }
    Bed.docker("image", "rm", source);
  }
}
