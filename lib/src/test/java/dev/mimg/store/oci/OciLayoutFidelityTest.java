package dev.mimg.store.oci;

import dev.mimg.bed.BedTest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mimg.bed.Bed;
import dev.mimg.model.Image;
import dev.mimg.model.Json;
import dev.mimg.model.Platform;
import dev.mimg.model.Reference;
import dev.mimg.model.Variant;
import dev.mimg.store.docker.EngineClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Layouts written by an independent tool (crane) from the bed's registry read as the engine reads the same images:
 * same ids, platforms, per-variant digests, kinds and content sizes ({@code Size.Content} of
 * {@code GET /images/json?manifests=1}), same created time. Needs the bed; fails, never skips, without it.
 */
@BedTest
class OciLayoutFidelityTest {

  private static final List<String> FIXTURES = List.of("mimg/alpine:3.16", "mimg/attested:1");

  private static Json engine;

  @TempDir
  Path dir;

  @BeforeAll
  static void askTheEngine() {
    try (EngineClient client = new EngineClient(Bed.snap())) {
      engine = client.get("/images/json?manifests=1");
    }
  }

  @Test
  void aFullLayoutHasEveryPlatformAndTheEnginesFiguresForTheOnesItHas() {
    Path layout = pull("full");
    List<Image> images = OciLayoutStore.open(layout).images();
    assertThat(images).hasSize(FIXTURES.size());
    for (String fixture : FIXTURES) {
      Image image = byTag(images, fixture);
      Json summary = engineSummary(fixture);
      assertThat(image.id().toString()).isEqualTo(summary.path("Id").asText());
      assertThat(image.created().getEpochSecond()).isEqualTo(summary.path("Created").asLong());
      assertThat(image.present()).hasSize(image.total());
      assertThat(image.variants()).hasSize(summary.path("Manifests").size());
      for (Json manifest : summary.path("Manifests")) {
        Variant variant = variant(image, manifest.path("ID").asText());
        assertSamePlatformAndKind(variant, manifest);
        assertThat(variant.available()).isTrue();
        if (manifest.path("Available").asBoolean()) {
          assertThat(variant.contentSize()).as(fixture + " " + variant.platform())
              .isEqualTo(manifest.path("Size").path("Content").asLong());
        }
      }
    }
    assertThat(byTag(images, "mimg/alpine:3.16").total()).isEqualTo(7);
  }

  @Test
  void deletingTheChildManifestsTheEngineLacksMakesTheLayoutShallowLikeTheEngine() throws Exception {
    Path layout = pull("shallow");
    for (String fixture : FIXTURES) {
      for (Json manifest : engineSummary(fixture).path("Manifests")) {
        if (!manifest.path("Available").asBoolean()) {
          Files.delete(layout.resolve("blobs/sha256/" + manifest.path("ID").asText().substring("sha256:".length())));
        }
      }
    }
    OciLayoutStore store = OciLayoutStore.open(layout);
    List<Image> images = store.images();
    for (String fixture : FIXTURES) {
      Image image = byTag(images, fixture);
      Json summary = engineSummary(fixture);
      assertThat(image.created().getEpochSecond()).isEqualTo(summary.path("Created").asLong());
      long content = 0;
      for (Json manifest : summary.path("Manifests")) {
        Variant variant = variant(image, manifest.path("ID").asText());
        assertSamePlatformAndKind(variant, manifest);
        assertThat(variant.available()).as(fixture + " " + variant.platform())
            .isEqualTo(manifest.path("Available").asBoolean());
        assertThat(variant.contentSize()).as(fixture + " " + variant.platform())
            .isEqualTo(manifest.path("Size").path("Content").asLong());
        content += variant.isPresent() ? variant.contentSize() : 0;
      }
      assertThat(image.contentSize()).isEqualTo(content);
    }
    Image alpine = byTag(images, "mimg/alpine:3.16");
    assertThat(alpine.present().size() + "/" + alpine.total()).isEqualTo("3/7");
    assertThat(alpine.platforms()).map(Platform::toString)
        .containsExactly("linux/amd64", "linux/arm64/v8", "linux/s390x");
    long freed = store.layout().gc();
    assertThat(freed).as("the configs and layers of the deleted manifests").isPositive();
    assertThat(store.images()).usingRecursiveFieldByFieldElementComparator().isEqualTo(images);
  }

  @Test
  void aLayoutWithoutNamesListsItsImagesUntagged() {
    Path layout = dir.resolve("plain");
    Bed.crane("pull", "--format", "oci", Bed.ref("mimg/alpine:3.16"), layout.toString());
    assertThat(OciLayoutStore.open(layout).images()).singleElement()
        .satisfies(image -> assertThat(image.isDangling()).isTrue());
  }

  private Path pull(String name) {
    Path layout = dir.resolve(name);
    List<String> args = new ArrayList<>(List.of("pull", "--format", "oci", "--annotate-ref"));
    FIXTURES.forEach(fixture -> args.add(Bed.ref(fixture)));
    args.add(layout.toString());
    Bed.crane(args.toArray(String[]::new));
    return layout;
  }

  private static void assertSamePlatformAndKind(Variant variant, Json manifest) {
    Json platform = manifest.path("ImageData").has("Platform")
        ? manifest.path("ImageData").path("Platform") : manifest.path("Descriptor").path("platform");
    assertThat(variant.platform().os()).isEqualTo(platform.path("os").asText());
    assertThat(variant.platform().architecture()).isEqualTo(platform.path("architecture").asText());
    assertThat(variant.platform().variant()).isEqualTo(platform.path("variant").asText(""));
    assertThat(variant.kind().name()).isEqualToIgnoringCase(manifest.path("Kind").asText());
    String forDigest = manifest.path("AttestationData").path("For").asText(null);
    assertThat(variant.attestationFor() == null ? null : variant.attestationFor().toString()).isEqualTo(forDigest);
  }

  private static Image byTag(List<Image> images, String fixture) {
    Reference tag = Reference.parse(Bed.ref(fixture));
    return images.stream().filter(i -> i.tags().contains(tag)).findFirst()
        .orElseThrow(() -> new AssertionError("no image tagged " + tag + " in the layout"));
  }

  private static Json engineSummary(String fixture) {
    for (Json summary : engine) {
      for (Json tag : summary.path("RepoTags")) {
        if (tag.asText().equals(Bed.ref(fixture))) {
          return summary;
        }
      }
    }
    throw new AssertionError("the engine has no " + fixture + ": is the bed up with its fixtures?");
  }

  private static Variant variant(Image image, String digest) {
    return image.variants().stream().filter(v -> v.digest().toString().equals(digest)).findFirst()
        .orElseThrow(() -> new AssertionError(image.shortId() + " has no variant " + digest));
  }
}
