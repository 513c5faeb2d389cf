package dev.mimg.query;

import dev.mimg.model.DiskUse;
import dev.mimg.model.ImageVariant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mimg.view.ViewFixtures;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code variants()}: one element per variant, its steps, and removal plans of exactly those variants. */
class VariantQueryTest {

  private static final FakeStore STORE = new FakeStore(List.of(ViewFixtures.dangling(), ViewFixtures.byDigest(),
      ViewFixtures.attested(), ViewFixtures.single(), ViewFixtures.alpine()));

  private static ImageQuery images() {
    return Mimg.images(STORE);
  }

  private static List<String> platforms(VariantQuery query) {
    return query.stream().map(iv -> iv.platform().toString()).toList();
  }

  @Test
  void withoutAVariantStepEveryPresentPlatformVariantIsAnElement() {
    long present = images().list().stream().mapToLong(image -> image.present().size()).sum();
    assertThat(images().variants().count()).isEqualTo(present);
    assertThat(images().variants().list()).allSatisfy(iv -> assertThat(iv.isPresent()).isTrue());
  }

  @Test
  void variantStepsChooseTheElements() {
    VariantQuery alpine = images().reference("alpine:3.16").variants();
    assertThat(platforms(alpine)).containsExactly("linux/amd64", "linux/arm64/v8", "linux/s390x");
    assertThat(platforms(images().reference("alpine:3.16").missing().variants()))
        .containsExactlyInAnyOrder("linux/386", "linux/arm/v6", "linux/arm/v7", "linux/ppc64le");
    assertThat(platforms(alpine.missing())).as("missing() after variants() selects the missing ones instead")
        .containsExactlyInAnyOrder("linux/386", "linux/arm/v6", "linux/arm/v7", "linux/ppc64le");
    assertThat(alpine.missing().removal().plan().steps()).isEmpty();
    assertThat(platforms(alpine.platform("linux/s390x"))).containsExactly("linux/s390x");
    assertThat(platforms(alpine.unused())).doesNotContain("linux/amd64");
    assertThat(alpine.inUse().list()).allSatisfy(iv -> assertThat(iv.containers()).isNotEmpty());
  }

  @Test
  void diskUseOfVariantsCountsExactlyThoseVariants() {
    DiskUse amd64 = images().variants().platform("linux/amd64").diskUse();
    assertThat(amd64.rows()).extracting(DiskUse.Row::key).containsExactly("linux/amd64");
    assertThat(amd64.total()).isEqualTo(images().platform("linux/amd64").diskUse().total());
    VariantQuery largest = images().variants().sortBy(Comparator.comparingLong(ImageVariant::contentSize).reversed())
        .limit(1);
    DiskUse one = largest.diskUse(DiskUse.By.IMAGE);
    assertThat(one.total().variants()).isEqualTo(1);
    assertThat(one.rows()).extracting(DiskUse.Row::key).containsExactly(largest.list().get(0).name());
  }

  @Test
  void totalsOrderAndLimit() {
    VariantQuery all = images().variants();
    assertThat(all.totalBytes()).isEqualTo(all.stream().map(ImageVariant::variant).distinct()
        .mapToLong(v -> v.contentSize()).sum()).isPositive();
    List<ImageVariant> biggest = all.sortBy(Comparator.comparingLong(ImageVariant::contentSize).reversed()).limit(1)
        .list();
    assertThat(biggest.get(0).contentSize()).isEqualTo(all.stream().mapToLong(ImageVariant::contentSize).max()
        .orElseThrow());
    assertThat(all.largerThan(biggest.get(0).contentSize()).count()).isZero();
  }

  @Test
  void planRemovesExactlyTheSelectedVariantsAndKeepsThoseInUse() {
    RemovalPlan plan = images().reference("alpine:*").variants().plan();
    assertThat(plan.steps()).extracting(RemovalPlan.Step::platform).doesNotContain("linux/amd64")
        .contains("linux/s390x");
    assertThat(plan.steps()).allSatisfy(step -> assertThat(step.action()).isEqualTo(RemovalPlan.Action.VARIANT));
    assertThat(plan.refusals()).extracting(RemovalPlan.Refusal::platform).contains("linux/amd64");
    assertThat(images().reference("alpine:*").variants().platform("linux/s390x").plan().steps())
        .extracting(RemovalPlan.Step::platform).containsExactly("linux/s390x");
    assertThat(images().reference("alpine:3.16").variants().platform("linux/s390x").plan().refusals())
        .as("selected through one of its names: the other name would lose the variant too")
        .extracting(RemovalPlan.Refusal::reason).containsExactly("also in alpine:latest (--force removes it from all of them)");
  }

  @Test
  void aDryRunReportsThePlanAndNeverTouchesTheStore() {
    RemovalReport report = images().dryRun().reference("alpine:*").platform("linux/s390x").remove();
    assertThat(report.dryRun()).isTrue();
    assertThat(report.removed()).extracting(RemovalPlan.Step::platform).containsExactly("linux/s390x");
    assertThat(report.describe()).startsWith("would remove ").contains("nothing changed");
    assertThat(images().dryRun().variants().platform("linux/s390x").remove().dryRun()).isTrue();
    assertThat(images().dryRun().reference("alpine:3.16").pull()).singleElement()
        .satisfies(r -> assertThat(r.outcomes()).allSatisfy(o -> assertThat(o.action()).contains("dry run")));
  }
}
