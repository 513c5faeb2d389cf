package dev.mimg.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mimg.bed.Bed;
import dev.mimg.bed.BedTest;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code mimg df} against the engine's own figures ({@code GET /images/json?manifests=1}, {@code GET /system/df}).
 * Two images of the test's own, made with crane from one layer: df-twin:1 holds it as linux/amd64 and as
 * linux/arm64/v8 (one layer shared by two platforms), df-other:1 as linux/amd64 (shared by two images).
 */
@BedTest
class DfEngineTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TWIN = Bed.ref("mimgtest/df-twin:1");
  private static final String OTHER = Bed.ref("mimgtest/df-other:1");

  @BeforeAll
  static void pullTwoImagesSharingOneLayer() {
    Bed.crane("mutate", Bed.ref("mimg/rmme:1-v1"), "--label", "mimg.test=df-twin", "-t", TWIN + "-amd");
    Bed.crane("mutate", TWIN + "-amd", "--set-platform", "linux/arm64/v8", "-t", TWIN + "-arm");
    Bed.crane("index", "append", "-m", TWIN + "-amd", "-m", TWIN + "-arm", "-t", TWIN);
    Bed.crane("mutate", Bed.ref("mimg/rmme:1-v1"), "--label", "mimg.test=df-other", "-t", OTHER);
    Bed.docker("pull", "-q", "--platform", "linux/amd64", TWIN);
    Bed.docker("pull", "-q", "--platform", "linux/arm64/v8", TWIN);
    Bed.docker("pull", "-q", OTHER);
  }

  @AfterAll
  static void removeThem() {
    EngineState.removeLabelled("df-");
  }

  @Test
  void byPlatformVariantsMissingAndContentAreTheEnginesEachVariantOnce() throws IOException {
    Map<String, long[]> expected = EngineState.perPlatform();  // platform -> {variants, missing, content}
    JsonNode use = df("--format", "json");
    Map<String, long[]> actual = new HashMap<>();
    for (JsonNode row : use.path("Rows")) {
      actual.put(row.path("Key").asText(), new long[] {row.path("Variants").asLong(), row.path("Missing").asLong(),
          row.path("Content").asLong()});
    }
    assertThat(actual.keySet()).isEqualTo(expected.keySet());
    expected.forEach((platform, row) -> assertThat(actual.get(platform)).as(platform).containsExactly(row));
  }

  @Test
  void byImageAgreesWithSystemDfWhereNoImageHoldsALayerTwice() throws IOException {
    Map<String, JsonNode> systemDf = new HashMap<>();
    for (JsonNode image : systemDf().path("Images")) {
      systemDf.put(image.path("Id").asText(), image);
    }
    int compared = 0;
    for (JsonNode row : df("--by", "image", "--format", "json").path("Rows")) {
      if (row.path("Key").asText().equals(TWIN)) {
        continue;
      }
      JsonNode engine = systemDf.get(idOf(row.path("Key").asText()));
      assertThat(row.path("DiskUsage").asLong()).as(row.path("Key").asText()).isEqualTo(engine.path("Size").asLong());
      assertThat(row.path("Shared").asLong()).as(row.path("Key").asText())
          .isEqualTo(engine.path("SharedSize").asLong());
      compared++;
    }
    assertThat(compared).isGreaterThan(5);
  }

  @Test
  void aLayerSharedByTwoPlatformsAndTwoImagesCountsOnce() throws IOException {
    JsonNode twin = EngineState.summary(TWIN);
    JsonNode other = EngineState.summary(OTHER);
    long unpacked = other.path("Manifests").get(0).path("ImageData").path("Size").path("Unpacked").asLong();
    long twinContent = 0;
    for (JsonNode manifest : twin.path("Manifests")) {
      assertThat(manifest.path("ImageData").path("Size").path("Unpacked").asLong()).isEqualTo(unpacked);
      twinContent += manifest.path("Size").path("Content").asLong();
    }
    assertThat(layers(TWIN, "linux/amd64")).isEqualTo(layers(TWIN, "linux/arm64/v8")).isEqualTo(layers(OTHER, null));

    JsonNode byImage = df("--by", "image", "--format", "json", "--filter", "reference=*/mimgtest/df-*");
    JsonNode twinRow = row(byImage, TWIN);
    assertThat(twinRow.path("Content").asLong()).isEqualTo(twinContent);
    assertThat(twinRow.path("Unpacked").asLong()).as("one snapshot for both platforms").isEqualTo(unpacked);
    assertThat(twinRow.path("Shared").asLong()).isEqualTo(unpacked);
    assertThat(JSON.convertValue(twinRow.path("SharedWith"), List.class)).containsExactly(OTHER);
    assertThat(byImage.path("Total").path("Unpacked").asLong()).as("one snapshot for both images").isEqualTo(unpacked);
    long engineTwice = twin.path("Size").asLong();
    assertThat(twinRow.path("DiskUsage").asLong()).as("the engine counts the snapshot per platform")
        .isEqualTo(engineTwice - unpacked);

    JsonNode byPlatform = df("--format", "json", "--filter", "reference=*/mimgtest/df-twin:*");
    assertThat(JSON.convertValue(row(byPlatform, "linux/amd64").path("SharedWith"), List.class))
        .contains("linux/arm64/v8");
    assertThat(byPlatform.path("Total").path("Unpacked").asLong()).isEqualTo(unpacked);
  }

  private static JsonNode row(JsonNode use, String key) {
    for (JsonNode row : use.path("Rows")) {
      if (row.path("Key").asText().equals(key)) {
        return row;
      }
    }
    throw new AssertionError("no row " + key + " in " + use);
  }

  private static String idOf(String key) {
    for (JsonNode image : EngineState.raw()) {
      if (image.path("Id").asText().startsWith("sha256:" + key)) {
        return image.path("Id").asText();
      }
      for (JsonNode name : image.path("RepoTags")) {
        if (name.asText().equals(key)) {
          return image.path("Id").asText();
        }
      }
      for (JsonNode name : image.path("RepoDigests")) {
        if (name.asText().equals(key)) {
          return image.path("Id").asText();
        }
      }
    }
    throw new AssertionError("the engine lists no image " + key);
  }

  private static List<?> layers(String reference, String platform) throws IOException {
    List<String> args = new java.util.ArrayList<>(List.of("image", "inspect", "--format", "{{json .RootFS.Layers}}"));
    if (platform != null) {
      args.addAll(List.of("--platform", platform));
    }
    args.add(reference);
    return JSON.readValue(Bed.docker(args.toArray(String[]::new)), List.class);
  }

  private static JsonNode systemDf() throws IOException {
    String socket = System.getenv("MIMG_BED_SNAP_HOST").substring("unix://".length());
    return JSON.readTree(Bed.run(List.of("curl", "-fsS", "--unix-socket", socket, "http://docker/v1.51/system/df"),
        Map.of()));
  }

  private static JsonNode df(String... args) throws IOException {
    EngineCliTest.Result result = EngineCliTest.snap(java.util.stream.Stream.concat(java.util.stream.Stream.of("df"),
        java.util.stream.Stream.of(args)).toArray(String[]::new));
    assertThat(result.code()).as(result.err()).isZero();
    return JSON.readTree(result.out());
  }
}
