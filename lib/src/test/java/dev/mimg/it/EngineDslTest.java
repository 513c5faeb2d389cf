package dev.mimg.it;

import dev.mimg.bed.BedTest;
import static dev.mimg.query.Mimg.images;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mimg.bed.Bed;
import dev.mimg.query.ImageQuery;
import dev.mimg.query.PullReport;
import dev.mimg.query.RemovalPlan;
import dev.mimg.query.RemovalReport;
import dev.mimg.store.docker.DockerEngineStore;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The DSL's mutation terminals (plan, remove, backfill) on the bed's engine, judged by the engine's own API. */
@BedTest
class EngineDslTest {

  @AfterEach
  void cleanUp() {
    EngineState.removeLabelled("dsl-");
  }

  @Test
  void aPlatformStepPlansAndRemovesOnlyThatPlatform() {
    EngineState.pullUnique("dsl-remove", "dsltest/remove:1");
    long sizeBefore = EngineState.summary("dsltest/remove:1").path("Size").asLong();
    try (DockerEngineStore store = DockerEngineStore.connect(Bed.snap())) {
      ImageQuery query = images(store).reference("dsltest/remove*").platform("linux/s390x");
      RemovalPlan plan = query.plan();
      assertThat(plan.steps()).extracting(RemovalPlan.Step::name, RemovalPlan.Step::platform)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("dsltest/remove:1", "linux/s390x"));
      assertThat(EngineState.available(EngineState.summary("dsltest/remove:1"))).hasSize(3);   // planning changed nothing
      RemovalReport report = query.remove();
      assertThat(report.removed()).hasSize(1);
      assertThat(report.skipped()).isEmpty();
      long sizeAfter = EngineState.summary("dsltest/remove:1").path("Size").asLong();
      assertThat(report.reclaimed()).isEqualTo(sizeBefore - sizeAfter).isPositive();
    }
    assertThat(EngineState.available(EngineState.summary("dsltest/remove:1")))
        .containsExactly("linux/amd64", "linux/arm64/v8");
  }

  @Test
  void backfillPullsMissingPlatformsIntoTheStoredIndex() {
    String ref = Bed.ref("dsltest/backfill:1");
    String index = EngineState.uniqueIndex(ref, "dsl-backfill");
    Bed.docker("pull", "-q", "--platform", "linux/amd64", ref);
    try (DockerEngineStore store = DockerEngineStore.connect(Bed.snap())) {
      List<PullReport> reports = images(store).reference("*/dsltest/backfill").backfill("linux/ppc64le");
      assertThat(reports).singleElement().extracting(r -> r.outcomes().get(0).action())
          .isEqualTo("back-filled from the stored index");
    }
    assertThat(EngineState.summary(ref).path("Id").asText()).isEqualTo(index);
    assertThat(EngineState.available(EngineState.summary(ref))).containsExactly("linux/amd64", "linux/ppc64le");
  }
}
