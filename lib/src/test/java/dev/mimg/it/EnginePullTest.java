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
 * {@code mimg pull} on the bed: each test pushes an index of its own (crane), pulls it,
 * moves the tag in the registry (crane copies another index onto it) and checks what the engine then holds.
 */
@BedTest
class EnginePullTest {

  private final List<String> names = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    EngineState.removeNames(names);
    EngineState.removeLabelled("pull-");
  }

  /** Pushes an index of its own (4 platforms, labelled {@code label}) to {@code to}; returns the full name. */
  private String registry(String label, String to) {
    EngineState.uniqueIndex(Bed.ref(to), label);
    names.add(Bed.ref(to));
    return Bed.ref(to);
  }

  @Test
  void anImageNotStoredIsPulledForThePlatformsAskedFor() {
    String ref = registry("pull-fresh", "pulltest/fresh:1");
    EngineCliTest.Result result = EngineCliTest.snap("pull", "-q", ref, "--platform", "linux/s390x");
    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo(ref.substring(0, ref.length()) + " linux/s390x: pulled "
        + shortVariant(EngineState.summary(ref), "s390x") + "\n");
    assertThat(EngineState.available(EngineState.summary(ref))).containsExactly("linux/s390x");
  }

  @Test
  void allPlatformsPullsEveryPlatformTheIndexLists() {
    String ref = registry("pull-all", "pulltest/all:1");
    String index = Bed.crane("digest", ref).strip();
    EngineCliTest.Result result = EngineCliTest.snap("pull", "-q", "--all-platforms", ref);
    assertThat(result.code()).as(result.err()).isZero();
    JsonNode after = EngineState.summary(ref);
    assertThat(after.path("Id").asText()).isEqualTo(index);
    assertThat(EngineState.available(after))
        .containsExactly("linux/amd64", "linux/arm64/v8", "linux/s390x", "linux/ppc64le");
    assertThat(after.path("RepoTags")).hasSize(1);
  }

  @Test
  void aMissingPlatformIsBackFilledFromTheStoredIndexAndTheTagDoesNotMove() {
    String ref = registry("pull-backfill", "pulltest/backfill:1");
    Bed.docker("pull", "-q", "--platform", "linux/amd64", ref);
    String stored = EngineState.summary(ref).path("Id").asText();
    registry("pull-backfill-moved", "pulltest/backfill:1");          // the tag moves in the registry
    EngineCliTest.Result result = EngineCliTest.snap("pull", "-q", ref, "--platform", "linux/arm64/v8");
    assertThat(result.code()).as(result.err()).isZero();
    JsonNode after = EngineState.summary(ref);
    assertThat(after.path("Id").asText()).isEqualTo(stored);
    assertThat(EngineState.available(after)).containsExactly("linux/amd64", "linux/arm64/v8");
    assertThat(after.path("RepoTags")).hasSize(1);                  // no by-digest name left behind
    assertThat(result.out()).contains("linux/arm64/v8: back-filled from the stored index");
  }

  @Test
  void resolveMovesTheTagAndReportsOldAndNewIndex() {
    String ref = registry("pull-resolve", "pulltest/resolve:1");
    Bed.docker("pull", "-q", "--platform", "linux/amd64", ref);
    String old = EngineState.summary(ref).path("Id").asText();
    registry("pull-resolve-moved", "pulltest/resolve:1");
    String now = Bed.crane("digest", ref).strip();
    EngineCliTest.Result result = EngineCliTest.snap("pull", "-q", ref, "--platform", "linux/arm64/v8", "--resolve");
    assertThat(result.code()).as(result.err()).isZero();
    assertThat(EngineState.summary(ref).path("Id").asText()).isEqualTo(now);
    assertThat(result.out()).contains("index " + old.substring(7, 19) + " -> " + now.substring(7, 19));
  }

  @Test
  void aPlainPullRefreshesEveryPlatformAlreadyPresent() {
    String ref = registry("pull-refresh", "pulltest/refresh:1");
    Bed.docker("pull", "-q", "--platform", "linux/amd64", ref);
    Bed.docker("pull", "-q", "--platform", "linux/s390x", ref);
    JsonNode before = EngineState.summary(ref);
    registry("pull-refresh-moved", "pulltest/refresh:1");
    EngineCliTest.Result result = EngineCliTest.snap("pull", "-q", ref);
    assertThat(result.code()).as(result.err()).isZero();
    JsonNode after = EngineState.summary(ref);
    assertThat(EngineState.available(after)).containsExactly("linux/amd64", "linux/s390x");
    assertThat(result.out()).contains("linux/amd64: refreshed " + shortVariant(before, "amd64") + " -> "
        + shortVariant(after, "amd64"));
    assertThat(result.out()).contains("linux/s390x: refreshed");
  }

  @Test
  void byDigestTheImageIsListedUntagged() {
    String ref = registry("pull-digest", "pulltest/digest:1");
    String digest = Bed.crane("digest", ref).strip();
    String byDigest = Bed.ref("pulltest/digest") + "@" + digest;
    names.add(byDigest);
    EngineCliTest.Result result = EngineCliTest.snap("pull", "-q", byDigest, "--platform", "linux/amd64");
    assertThat(result.code()).as(result.err()).isZero();
    EngineCliTest.Result listed = EngineCliTest.snap("ls", "--filter", "reference=*/pulltest/digest",
        "--format", "{{.Repository}} {{.Tag}} {{.Digest}} {{.Platforms}}");
    assertThat(listed.out()).isEqualTo(Bed.ref("pulltest/digest") + " <none> " + digest + " linux/amd64\n");
  }

  @Test
  void anIndexGoneFromTheRegistrySaysSoAndSuggestsResolve() {
    String ref = registry("pull-gone", "pulltest/gone:1");
    Bed.docker("pull", "-q", "--platform", "linux/amd64", ref);
    String stored = EngineState.summary(ref).path("Id").asText();
    registry("pull-gone-moved", "pulltest/gone:1");
    Bed.crane("delete", Bed.ref("pulltest/gone") + "@" + stored);
    JsonNode before = EngineState.raw();
    EngineCliTest.Result result = EngineCliTest.snap("pull", "-q", ref, "--platform", "linux/arm64/v8");
    assertThat(result.code()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("mimg: the registry no longer has the stored index " + stored.substring(7, 19)
        + " of " + Bed.ref("pulltest/gone") + "; use --resolve to pull the tag as it is now\n");
    assertThat(EngineState.raw()).isEqualTo(before);
  }

  @Test
  void badInputIsOneLine() {
    String ref = registry("pull-bad", "pulltest/bad:1");
    Bed.docker("pull", "-q", "--platform", "linux/amd64", ref);
    for (String[] args : List.of(new String[] {"pull", ref, "--platform", "linux/riscv64"},
        new String[] {"pull", Bed.ref("pulltest/none:1")}, new String[] {"pull", "UPPER:case"},
        new String[] {"pull", ref, "--platform", "linux/"})) {
      EngineCliTest.Result result = EngineCliTest.snap(args);
      assertThat(result.code()).as(Arrays.toString(args)).isEqualTo(1);
      assertThat(result.err().strip().split("\n")).as(Arrays.toString(args) + result.err()).hasSize(1);
    }
  }

  private static String shortVariant(JsonNode summary, String architecture) {
    for (JsonNode manifest : summary.path("Manifests")) {
      if (manifest.path("ImageData").path("Platform").path("architecture").asText().equals(architecture)) {
        return manifest.path("ID").asText().substring(7, 19);
      }
    }
    throw new AssertionError("no " + architecture + " variant");
  }

  /** {@code --all-platforms} of an index without the host's platform pulls what it lists (issue 13, defect 9). */
  @Test
  void allPlatformsOfAnIndexWithoutTheHostsPlatform() {
    String ref = Bed.ref("pulltest/nohost:1");
    Bed.crane("index", "append", "-m", Bed.ref("mimg/rmme:1-v2"), "-m", Bed.ref("mimg/rmme:1-v3"), "-t", ref);
    names.add(ref);
    EngineCliTest.Result result = EngineCliTest.snap("pull", "-q", "--all-platforms", ref);
    assertThat(result.code()).as(result.err()).isZero();
    assertThat(EngineState.available(EngineState.summary(ref))).containsExactly("linux/arm64/v8", "linux/s390x");
    EngineCliTest.Result both = EngineCliTest.snap("pull", "--all-platforms", "--platform", "linux/s390x", ref);
    assertThat(both.code()).isEqualTo(2);
    assertThat(both.err().lines()).singleElement().asString()
        .startsWith("mimg: --all-platforms and --platform exclude each other: give one");
  }
}
