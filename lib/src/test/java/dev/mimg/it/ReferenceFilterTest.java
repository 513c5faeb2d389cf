package dev.mimg.it;

import dev.mimg.bed.BedTest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mimg.bed.Bed;
import dev.mimg.query.Mimg;
import dev.mimg.query.RemovalPlan;
import dev.mimg.store.docker.DockerEngineStore;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reference filter selects names, as Docker's does (issue 13, defect 1): one image tagged {@code R/rel/sig-2:v1},
 * {@code R/rel/zzz:1} and {@code keepme:1}. A removal selected through some of its names untags only those while
 * another name holds the image; the engine's own listing is the judge.
 */
@BedTest
class ReferenceFilterTest {

  private static final String SIG = Bed.ref("reftest/rel/sig-2:v1");
  private static final String ZZZ = Bed.ref("reftest/rel/zzz:1");
  private static final String KEEP = "keepme-reftest:1";

  private String id;

  @BeforeEach
  void image() {
    EngineState.pullUnique("ref-names", SIG, ZZZ, KEEP);
    id = EngineState.summary(KEEP).path("Id").asText();
  }

  @AfterEach
  void cleanUp() {
    EngineState.removeLabelled("ref-names");
  }

  /** The names the engine holds for the test's image, sorted (none when the image is gone). */
  private List<String> engineNames() {
    List<String> names = new java.util.ArrayList<>();
    for (JsonNode image : EngineState.raw()) {
      if (image.path("Id").asText().equals(id)) {
        image.path("RepoTags").forEach(tag -> names.add(tag.asText()));
      }
    }
    return names.stream().sorted().toList();
  }

  @Test
  void lsListsOnlyTheMatchingNamesAsTheDockerCliDoes() {
    String format = "{{.Repository}}:{{.Tag}} {{.ID}}";
    EngineCliTest.Result mimg = EngineCliTest.snap("ls", "--filter", "reference=keepme-reftest", "--format", format);
    assertThat(mimg.code()).as(mimg.err()).isZero();
    assertThat(mimg.out()).isEqualTo(Bed.docker("image", "ls", "--filter", "reference=keepme-reftest", "--format",
        format)).isEqualTo("keepme-reftest:1 " + id.substring(7, 19) + "\n");
    EngineCliTest.Result both = EngineCliTest.snap("ls", "--filter", "reference=*/reftest/rel/*", "--filter",
        "reference=keepme-reftest", "--format", "{{.Repository}}:{{.Tag}}");
    assertThat(both.out().lines().sorted()).as("repeated reference filters are any-of, as Docker's")
        .containsExactly(SIG, ZZZ, KEEP);
  }

  @Test
  void pruneThroughSomeNamesUntagsOnlyThoseAndKeepsTheContent() {
    JsonNode before = EngineState.raw();
    EngineCliTest.Result dry = EngineCliTest.snap("prune", "-a", "--dry-run", "--filter", "reference=keepme-reftest");
    assertThat(dry.code()).as(dry.err()).isZero();
    assertThat(dry.out().lines()).anyMatch(line -> line.matches("untag +keepme-reftest:1 +- +" + id.substring(7, 19)
        + " +0B +content kept: also named " + SIG + ", " + ZZZ))
        .noneMatch(line -> line.startsWith("remove"));
    assertThat(EngineState.raw()).isEqualTo(before);

    EngineCliTest.Result done = EngineCliTest.snap("prune", "-a", "-f", "--filter", "reference=keepme-reftest");
    assertThat(done.code()).as(done.err()).isZero();
    assertThat(done.out()).contains("untagged keepme-reftest:1 - " + id.substring(7, 19));
    assertThat(engineNames()).containsExactly(SIG, ZZZ);
    assertThat(EngineState.available(EngineState.summary(SIG)))
        .containsExactly("linux/amd64", "linux/arm64/v8", "linux/s390x");
  }

  @Test
  void whenTheFilterSelectsEveryNameTheImageGoes() {
    EngineCliTest.Result done = EngineCliTest.snap("prune", "-a", "-f", "--filter", "reference=*/reftest/rel/*",
        "--filter", "reference=keepme-reftest");
    assertThat(done.code()).as(done.err()).isZero();
    assertThat(done.out()).contains("removed " + SIG + " all " + id.substring(7, 19));
    assertThat(engineNames()).isEmpty();
    assertThat(EngineState.raw().findValuesAsText("Id")).doesNotContain(id);
  }

  @Test
  void theDslUntagsTheSelectedNamesAndNamesTheOthers() {
    try (DockerEngineStore store = DockerEngineStore.connect(Bed.snap())) {
      RemovalPlan plan = Mimg.images(store).reference("*/reftest/rel/zzz").plan();
      assertThat(plan.steps()).singleElement().satisfies(step -> {
        assertThat(step.action()).isEqualTo(RemovalPlan.Action.NAME);
        assertThat(step.name()).isEqualTo(ZZZ);
        assertThat(step.others()).containsExactlyInAnyOrder(SIG, KEEP);
      });
      assertThat(Mimg.images(store).reference("*/reftest/rel/zzz").remove().complete()).isTrue();
      assertThat(engineNames()).containsExactly(SIG, KEEP);
      assertThat(Mimg.images(store).reference("*/reftest/rel/sig-2").force().plan().steps()).singleElement()
          .satisfies(step -> assertThat(step.action()).as("forced: the whole image, all its names")
              .isEqualTo(RemovalPlan.Action.IMAGE));
    }
  }
}
