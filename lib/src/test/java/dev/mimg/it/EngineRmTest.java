package dev.mimg.it;

import dev.mimg.bed.BedTest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mimg.bed.Bed;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code mimg rm} on the bed's engine. Each test pulls a 4-platform index of its own (3 platforms present)
 * under names of its own, so removals never touch the listing fixtures; the engine's own API is the judge.
 */
@BedTest
class EngineRmTest {

  private final List<String> names = new ArrayList<>();
  private final List<String> containers = new ArrayList<>();

  /** Pulls an index of the test's own under the given names only; they are removed after the test. */
  private void image(String... tags) {
    EngineState.pullUnique("rm-" + tags[0].replaceAll("[^a-z0-9]", "-"), tags);
    names.addAll(List.of(tags));
  }

  @AfterEach
  void cleanUp() {
    for (String container : containers) {
      Bed.docker("rm", "-f", container);
    }
    if (!names.isEmpty()) {
      List<String> rmi = new ArrayList<>(List.of("image", "rm", "-f"));
      rmi.addAll(names);
      Bed.docker(rmi.toArray(String[]::new));
    }
    EngineState.removeLabelled("rm-");
  }

  @Test
  void dryRunPrintsThePlanAndChangesNothing() throws Exception {
    image("rmtest/dry:1");
    String before = Bed.docker("image", "ls", "--tree", "--all");
    JsonNode rawBefore = EngineState.raw();
    EngineCliTest.Result result = EngineCliTest.snap("rm", "rmtest/dry:1", "--platform", "linux/s390x", "--dry-run");
    assertThat(result.code()).isZero();
    assertThat(lines(result.out()).get(1)).matches("remove +rmtest/dry:1 +linux/s390x +[0-9a-f]{12} +\\d.*B *");
    assertThat(result.out()).endsWith("dry run: nothing changed\n");
    assertThat(EngineState.raw()).isEqualTo(rawBefore);
    assertThat(Bed.docker("image", "ls", "--tree", "--all")).isEqualTo(before);
  }

  @Test
  void removesOnePlatformAndKeepsTheTagAndTheOthers() throws Exception {
    image("rmtest/one:1");
    JsonNode before = EngineState.summary("rmtest/one:1");
    EngineCliTest.Result result = EngineCliTest.snap("rm", "rmtest/one:1", "--platform", "linux/s390x");
    assertThat(result.code()).as(result.err()).isZero();
    JsonNode after = EngineState.summary("rmtest/one:1");
    assertThat(after.path("Id")).isEqualTo(before.path("Id"));
    assertThat(EngineState.available(after)).containsExactly("linux/amd64", "linux/arm64/v8");
    long reclaimed = before.path("Size").asLong() - after.path("Size").asLong();
    assertThat(reclaimed).isPositive();
    assertThat(lines(result.out())).contains("removed 1, skipped 0; reclaimed "
        + dev.mimg.model.HumanSize.format(reclaimed));
  }

  @Test
  void aMissingPlatformIsAnErrorNamingThePresentOnesAndANoticeWithForce() throws Exception {
    image("rmtest/missing:1");
    JsonNode before = EngineState.raw();
    EngineCliTest.Result error = EngineCliTest.snap("rm", "rmtest/missing:1", "--platform", "linux/ppc64le");
    assertThat(error.code()).isEqualTo(1);
    assertThat(lines(error.err())).containsExactly("mimg: platform linux/ppc64le is not present in rmtest/missing:1 "
        + "(present: linux/amd64, linux/arm64/v8, linux/s390x)");
    EngineCliTest.Result strict = EngineCliTest.snap("rm", "rmtest/missing:1", "--platform", "linux/arm/v7");
    assertThat(strict.code()).isEqualTo(1);
    EngineCliTest.Result forced = EngineCliTest.snap("rm", "rmtest/missing:1", "--platform", "linux/ppc64le", "--force");
    assertThat(forced.code()).isZero();
    assertThat(lines(forced.err())).singleElement().asString().startsWith("mimg: notice: platform linux/ppc64le is not present");
    assertThat(EngineState.raw()).isEqualTo(before);
  }

  @Test
  void aVariantSharedWithAnotherTagIsKeptUnlessForced() throws Exception {
    image("rmtest/shared:1", "rmtest/shared:2");
    JsonNode before = EngineState.raw();
    EngineCliTest.Result refused = EngineCliTest.snap("rm", "rmtest/shared:1", "--platform", "linux/arm64/v8");
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.out()).contains("also in rmtest/shared:2");
    assertThat(EngineState.raw()).isEqualTo(before);
    EngineCliTest.Result forced = EngineCliTest.snap("rm", "rmtest/shared:1", "--platform", "linux/arm64/v8", "--force");
    assertThat(forced.code()).as(forced.err()).isZero();
    assertThat(EngineState.available(EngineState.summary("rmtest/shared:2"))).containsExactly("linux/amd64", "linux/s390x");
  }

  @Test
  void aVariantSharedWithAnotherIndexIsKeptAndThatImageNamed() {
    String a = Bed.ref("rmtest/index-a:1");
    String b = Bed.ref("rmtest/index-b:1");
    EngineState.uniqueIndex(a, "rm-index-a");
    Bed.crane("index", "append", "-m", a + "-1-v1", "-m", Bed.ref("mimg/rmme:1-v3"), "-t", b);  // shares amd64
    Bed.docker("pull", "-q", "--platform", "linux/amd64", a);
    Bed.docker("pull", "-q", "--platform", "linux/amd64", b);
    names.addAll(List.of(a, b));
    JsonNode before = EngineState.raw();
    EngineCliTest.Result refused = EngineCliTest.snap("rm", a, "--platform", "linux/amd64");
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.out()).contains("also in " + b);
    assertThat(EngineState.raw()).isEqualTo(before);
  }

  @Test
  void aVariantInUseIsKeptAndItsContainerNamed() throws Exception {
    image("rmtest/used:1");
    Bed.docker("create", "--name", "rmtest-used", "--platform", "linux/amd64", "rmtest/used:1", "/bin/true");
    containers.add("rmtest-used");
    JsonNode before = EngineState.raw();
    EngineCliTest.Result refused = EngineCliTest.snap("rm", "rmtest/used:1", "--platform", "linux/amd64");
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.out()).contains("in use by container rmtest-used");
    assertThat(lines(refused.err())).singleElement().asString().startsWith("mimg: nothing removed: in use by container rmtest-used");
    assertThat(EngineState.raw()).isEqualTo(before);
  }

  @Test
  void aVariantIdAloneRemovesThatVariant() throws Exception {
    image("rmtest/byid:1");
    JsonNode s390x = variant(EngineState.summary("rmtest/byid:1"), "s390x");
    String id = s390x.path("ID").asText().substring("sha256:".length(), "sha256:".length() + 12);
    EngineCliTest.Result result = EngineCliTest.snap("rm", id);
    assertThat(result.code()).as(result.err()).isZero();
    assertThat(EngineState.available(EngineState.summary("rmtest/byid:1"))).containsExactly("linux/amd64", "linux/arm64/v8");
  }

  @Test
  void badInputGivesOneLineAndChangesNothing() throws Exception {
    JsonNode before = EngineState.raw();
    for (String[] args : List.of(new String[] {"rm", "nope/nothing:1", "--platform", "linux/amd64"},
        new String[] {"rm", Bed.ref("mimg/alpine:3.16"), "--platform", "linux/"},
        new String[] {"rm", Bed.ref("mimg/alpine:3.16")})) {
      EngineCliTest.Result result = EngineCliTest.snap(args);
      assertThat(result.code()).as(Arrays.toString(args)).isEqualTo(1);
      assertThat(lines(result.err())).as(Arrays.toString(args)).hasSize(1);
    }
    assertThat(EngineCliTest.snap("rm").code()).isEqualTo(2);
    assertThat(EngineCliTest.snap("rm", "x", "--bogus").code()).isEqualTo(2);
    assertThat(EngineState.raw()).isEqualTo(before);
  }




  private static JsonNode variant(JsonNode summary, String architecture) {
    for (JsonNode manifest : summary.path("Manifests")) {
      if (manifest.path("ImageData").path("Platform").path("architecture").asText().equals(architecture)) {
        return manifest;
      }
    }
    throw new AssertionError("no " + architecture + " variant");
  }

  private static List<String> lines(String text) {
    return Arrays.stream(text.split("\n")).filter(line -> !line.isBlank()).toList();
  }

  /**
   * Two different images whose s390x variants share a layer (same layer, different configs): the engine's platform
   * delete would take the layer from both, so mimg keeps the variant unless forced; forced, the engine itself shows
   * the other image losing its s390x content, which is why the rule exists.
   */
  @Test
  void aVariantSharingLayersWithAnotherImageIsKeptUnlessForced() throws Exception {
    image("rmtest/layers-a:1");
    image("rmtest/layers-b:1");
    JsonNode before = EngineState.raw();
    EngineCliTest.Result kept = EngineCliTest.snap("rm", "rmtest/layers-a:1", "--platform", "linux/s390x");
    assertThat(kept.code()).isEqualTo(1);
    assertThat(lines(kept.out())).anyMatch(line -> line.matches("keep +rmtest/layers-a:1 +linux/s390x +[0-9a-f]{12} "
        + "+\\S+ +shares layers with rmtest/layers-b:1 linux/s390x, which the store would delete from them too "
        + "\\(--force removes it anyway\\)"));
    assertThat(EngineState.raw()).isEqualTo(before);
    EngineCliTest.Result forced = EngineCliTest.snap("rm", "rmtest/layers-a:1", "--platform", "linux/s390x", "--force");
    assertThat(forced.code()).as(forced.err()).isZero();
    assertThat(EngineState.available(EngineState.summary("rmtest/layers-b:1")))
        .as("the engine deleted the shared layer from the other image too").doesNotContain("linux/s390x");
  }
}
