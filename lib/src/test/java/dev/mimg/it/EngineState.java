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

  /**
   * {@code GET /images/json?manifests=1} as the engine answers it, sorted by image id (the engine's own order
   * is by creation time, which ties for images built alike), so that two answers compare as states.
   */
  static JsonNode raw() {
    String socket = System.getenv("MIMG_BED_SNAP_HOST").substring("unix://".length());
    JsonNode answer;
    try {
      answer = JSON.readTree(Bed.run(List.of("curl", "-fsS", "--unix-socket", socket,
          "http://docker/v1.51/images/json?manifests=1"), Map.of()));
    } catch (IOException e) {
      throw new AssertionError("the engine's answer is not JSON", e);
    }
    List<JsonNode> images = new ArrayList<>();
    answer.forEach(images::add);
    images.sort(java.util.Comparator.comparing(image -> image.path("Id").asText()));
    return JSON.createArrayNode().addAll(images);
  }

  /** Removes the images named {@code names} that are still there ({@code docker image rm -f} each). */
  static void removeNames(List<String> names) {
    for (String name : names) {
      try {
        Bed.docker("image", "rm", "-f", name);
      } catch (AssertionError alreadyGone) {
        // the test removed it itself, or never made it
      }
    }
  }

  /** Removes every image whose mimg.test label starts with {@code prefix}, tagged, untagged or dangling. */
  static void removeLabelled(String prefix) {
    for (JsonNode image : raw()) {
      if (image.path("Labels").path("mimg.test").asText("").startsWith(prefix)) {
        Bed.docker("image", "rm", "-f", image.path("Id").asText());
      }
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
        platforms.add(platform(manifest.path("ImageData").path("Platform")));
      }
    }
    return platforms;
  }

  /** A platform object of the engine's answer as os/arch[/variant]. */
  static String platform(JsonNode platform) {
    String variant = platform.path("variant").asText("");
    return platform.path("os").asText() + "/" + platform.path("architecture").asText()
        + (variant.isEmpty() ? "" : "/" + variant);
  }

  /**
   * Per platform, from the engine's listing: {variants present, variants missing, content bytes of the present
   * ones}, each manifest counted once however many images name it; an attestation counts its content with its
   * subject's platform, but not as a variant.
   */
  static Map<String, long[]> perPlatform() {
    Map<String, long[]> rows = new java.util.HashMap<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (JsonNode image : raw()) {
      Map<String, String> platformById = new java.util.HashMap<>();
      for (JsonNode manifest : image.path("Manifests")) {
        platformById.put(manifest.path("ID").asText(), platform(manifest.path("ImageData").path("Platform")));
      }
      for (JsonNode manifest : image.path("Manifests")) {
        boolean isImage = manifest.path("Kind").asText().equals("image");
        String platform = isImage ? platformById.get(manifest.path("ID").asText())
            : platformById.getOrDefault(manifest.path("AttestationData").path("For").asText(), "unknown/unknown");
        if (!seen.add(manifest.path("ID").asText() + manifest.path("Available").asBoolean())) {
          continue;
        }
        long[] row = rows.computeIfAbsent(platform, p -> new long[3]);
        if (!manifest.path("Available").asBoolean()) {
          row[1] += isImage ? 1 : 0;
          continue;
        }
        row[0] += isImage ? 1 : 0;
        row[2] += manifest.path("Size").path("Content").asLong();
      }
    }
    return rows;
  }

  /** The fixture tags of rmme:1's variants: linux/amd64, linux/arm64/v8, linux/s390x, linux/ppc64le. */
  private static final List<String> RMME_VARIANTS = List.of("1-v1", "1-v2", "1-v3", "1-v4");

  /**
   * Pushes to {@code target} (a full reference in the bed's registry) a 4-platform index no other image shares:
   * rmme's variants relabelled with {@code label}. Content pulled from it therefore never shows up as
   * available in another test's or fixture's image. Returns the index digest.
   */
  static String uniqueIndex(String target, String label) {
    List<String> args = new ArrayList<>(List.of("index", "append"));
    for (String variant : RMME_VARIANTS) {
      String labelled = target + "-" + variant;
      Bed.crane("mutate", Bed.ref("mimg/rmme:" + variant), "--label", "mimg.test=" + label, "-t", labelled);
      args.addAll(List.of("-m", labelled));
    }
    args.addAll(List.of("-t", target));
    Bed.crane(args.toArray(String[]::new));
    return Bed.crane("digest", target).strip();
  }

  /**
   * Pushes an index of its own for {@code label} (see {@link #uniqueIndex}), pulls linux/amd64, linux/arm64/v8
   * and linux/s390x of it (linux/ppc64le stays missing) and leaves it under {@code tags} only.
   */
  static void pullUnique(String label, String... tags) {
    String source = Bed.ref("mimgtest/" + label + ":1");
    uniqueIndex(source, label);
    for (String platform : List.of("linux/amd64", "linux/arm64/v8", "linux/s390x")) {
      Bed.docker("pull", "-q", "--platform", platform, source);
    }
    for (String tag : tags) {
      Bed.docker("tag", source, tag);
    }
    Bed.docker("image", "rm", source);
  }

  /** The engine's clock as {@code /events} takes it: seconds.nanoseconds since the epoch, read now. */
  static String now() {
    java.time.Instant now = java.time.Instant.now();
    return now.getEpochSecond() + "." + String.format("%09d", now.getNano());
  }

  /** The image events the engine recorded between two {@link #now()} readings, as "action name" lines. */
  static List<String> imageEvents(String since, String until) {
    String socket = System.getenv("MIMG_BED_SNAP_HOST").substring("unix://".length());
    String answer = Bed.run(List.of("curl", "-fsS", "--unix-socket", socket, "-G", "http://docker/v1.51/events",
        "--data-urlencode", "since=" + since, "--data-urlencode", "until=" + until,
        "--data-urlencode", "filters={\"type\":[\"image\"]}"), Map.of());
    List<String> events = new ArrayList<>();
    for (String line : answer.lines().toList()) {
      try {
        JsonNode event = JSON.readTree(line);
        events.add(event.path("Action").asText() + " " + event.path("Actor").path("Attributes").path("name").asText());
      } catch (IOException e) {
        throw new AssertionError("an engine event is not JSON: " + line, e);
      }
    }
    return events;
  }
}
