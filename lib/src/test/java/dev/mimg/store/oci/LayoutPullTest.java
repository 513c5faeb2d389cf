package dev.mimg.store.oci;

import dev.mimg.bed.BedTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mimg.bed.Bed;
import dev.mimg.model.Image;
import dev.mimg.model.Platform;
import dev.mimg.model.Reference;
import dev.mimg.query.PullReport;
import dev.mimg.store.StoreException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mimg pull} into an OCI layout on the bed, through the DSL's pull (the semantics the engine gets): each test
 * pulls a fixture or a copy of its own, moves tags with crane, and checks ids and digests against crane's and the
 * layout's structure with {@link LayoutAudit}. Needs the bed; fails, never skips, without it.
 */
@BedTest
class LayoutPullTest {

  private static final Platform ARM64 = Platform.parse("linux/arm64/v8");
  private static final Platform S390X = Platform.parse("linux/s390x");

  @TempDir
  Path dir;

  @Test
  void aPlainPullFetchesTheHostsDefaultPlatformOnly() {
    PullBed bed = PullBed.in(dir);
    String alpine = Bed.ref("mimg/alpine:3.16");
    PullReport report = bed.pull(alpine, List.of(), false, false);
    Image image = image(bed, alpine);
    assertThat(image.id().toString()).isEqualTo(PullBed.digest(alpine));
    assertThat(image.platformVariants()).hasSize(7);
    assertThat(image.present()).extracting(v -> v.platform().toString()).containsExactly("linux/amd64");
    assertThat(image.present().get(0).digest().toString()).isEqualTo(PullBed.digest(alpine, "linux/amd64"));
    assertThat(report.outcomes()).extracting(PullReport.Outcome::action).containsExactly("pulled");
    assertThat(LayoutAudit.check(dir)).isEqualTo(4);                     // index, manifest, config, layer
    assertThat(bed.events).anyMatch(e -> e.status().equals("Download complete"))
        .anyMatch(e -> e.isProgress() && e.current() == e.total());
  }

  @Test
  void aMissingPlatformIsBackFilledFromTheStoredIndexWhileTheTagMovedInTheRegistry() {
    PullBed bed = PullBed.in(dir);
    String ref = PullBed.copy("mimg/rmme:1", "backfill");
    bed.pull(ref, List.of(), false, false);
    String stored = image(bed, ref).id().toString();
    PullBed.moveKeepingChildren(ref);
    assertThat(PullBed.digest(ref)).isNotEqualTo(stored);
    PullReport report = bed.pull(ref, List.of(ARM64), false, false);
    Image after = image(bed, ref);
    assertThat(after.id().toString()).isEqualTo(stored);
    assertThat(after.present()).extracting(v -> v.platform().toString()).containsExactly("linux/amd64",
        "linux/arm64/v8");
    assertThat(report.outcomes()).extracting(PullReport.Outcome::action)
        .containsExactly("back-filled from the stored index");
    assertThat(bed.store.images()).hasSize(1);
    assertThat(after.tags()).containsExactly(Reference.parse(ref));
    LayoutAudit.check(dir);
  }

  @Test
  void resolvePullsTheTagAsItIsNowAndLeavesTheOldImageDangling() {
    PullBed bed = PullBed.in(dir);
    String ref = PullBed.copy("mimg/rmme:1", "resolve");
    bed.pull(ref, List.of(), false, false);
    String old = image(bed, ref).id().toString();
    PullBed.moveKeepingChildren(ref);
    PullReport report = bed.pull(ref, List.of(ARM64), false, true);
    Image now = image(bed, ref);
    assertThat(now.id().toString()).isEqualTo(PullBed.digest(ref)).isNotEqualTo(old);
    // the new index lists the same amd64 manifest, already stored: it is present in both images
    assertThat(now.present()).extracting(v -> v.platform().toString()).containsExactly("linux/amd64",
        "linux/arm64/v8");
    assertThat(report.describe()).contains(": index " + old.substring(7, 19) + " -> " + now.id().shortId());
    Image dangling = bed.store.images().stream().filter(i -> i.id().toString().equals(old)).findFirst().orElseThrow();
    assertThat(dangling.isDangling()).isTrue();
    assertThat(dangling.present()).extracting(v -> v.platform().toString()).containsExactly("linux/amd64",
        "linux/arm64/v8");
    LayoutAudit.check(dir);
  }

  @Test
  void allPlatformsPullsEveryPlatformTheIndexLists() {
    PullBed bed = PullBed.in(dir);
    String ref = PullBed.copy("mimg/rmme:1", "all");
    PullReport report = bed.pull(ref, List.of(), true, false);
    Image image = image(bed, ref);
    assertThat(image.id().toString()).isEqualTo(PullBed.digest(ref));
    assertThat(image.present()).extracting(v -> v.platform().toString())
        .containsExactly("linux/amd64", "linux/arm64/v8", "linux/s390x", "linux/ppc64le");
    assertThat(report.outcomes()).extracting(o -> o.platform() + " " + o.action()).containsExactly(
        "linux/amd64 pulled", "linux/arm64/v8 pulled", "linux/s390x pulled", "linux/ppc64le pulled");
    assertThat(report.outcomes()).extracting(o -> o.after().toString())
        .containsExactly(PullBed.digest(ref, "linux/amd64"), PullBed.digest(ref, "linux/arm64/v8"),
            PullBed.digest(ref, "linux/s390x"), PullBed.digest(ref, "linux/ppc64le"));
    assertThat(image.isShallow()).isFalse();
    assertThat(LayoutAudit.check(dir)).isEqualTo(1 + 4 * 3);
  }

  @Test
  void aPullByDigestIsListedUntaggedWithItsDigestReferenceAndFoundAgainByIt() {
    PullBed bed = PullBed.in(dir);
    String repository = Bed.ref("mimg/rmme");
    String byDigest = repository + "@" + PullBed.digest(repository + ":1");
    bed.pull(byDigest, List.of(S390X), false, false);
    Image image = bed.store.images().get(0);
    assertThat(image.tags()).isEmpty();
    assertThat(image.digestRefs()).containsExactly(Reference.parse(byDigest));
    assertThat(image.isDangling()).isFalse();
    PullReport again = bed.pull(byDigest, List.of(ARM64), false, false);
    assertThat(again.outcomes()).extracting(PullReport.Outcome::action).containsExactly("pulled");
    assertThat(bed.store.images()).hasSize(1);
    assertThat(bed.store.images().get(0).present()).extracting(v -> v.platform().toString())
        .containsExactlyInAnyOrder("linux/s390x", "linux/arm64/v8");
    LayoutAudit.check(dir);
  }

  @Test
  void aSingleManifestImageIsStoredAsItsOwnEntry() {
    PullBed bed = PullBed.in(dir);
    String single = Bed.ref("mimg/single:1.0");
    bed.pull(single, List.of(), false, false);
    Image image = image(bed, single);
    assertThat(image.id().toString()).isEqualTo(PullBed.digest(single));
    assertThat(image.isIndex()).isFalse();
    assertThat(image.present()).extracting(v -> v.platform().toString()).containsExactly("linux/amd64");
    assertThat(LayoutAudit.check(dir)).isEqualTo(3);
  }

  @Test
  void aSingleManifestImageOfAnotherPlatformIsRefusedInOneLine() {
    PullBed bed = PullBed.in(dir);
    assertThatThrownBy(() -> bed.pull(Bed.ref("mimg/single:1.0"), List.of(S390X), false, false))
        .isInstanceOf(StoreException.class)
        .hasMessage("mimg/single:1.0".replace("mimg", Bed.registry() + "/mimg")
            + " is a single-platform image of linux/amd64, not linux/s390x");
    assertThat(bed.store.images()).isEmpty();
  }

  @Test
  void aPlatformTheIndexLacksIsOneLineListingWhatItHas() {
    PullBed bed = PullBed.in(dir);
    String rmme = Bed.ref("mimg/rmme:1");
    assertThatThrownBy(() -> bed.pull(rmme, List.of(Platform.parse("windows/amd64")), false, false))
        .isInstanceOf(StoreException.class)
        .hasMessage(rmme + " has no platform windows/amd64 (its index lists: linux/amd64, linux/arm64/v8, "
            + "linux/s390x, linux/ppc64le)");
    assertThat(bed.store.images()).isEmpty();
  }

  @Test
  void aRefreshPullsEveryPresentPlatformAsTheTagIsNow() {
    PullBed bed = PullBed.in(dir);
    String ref = PullBed.copy("mimg/rmme:1", "refresh");
    bed.pull(ref, List.of(), false, false);
    Image before = image(bed, ref);
    PullBed.moveToOtherImages(ref);
    PullReport report = bed.pull(ref, List.of(), false, false);
    Image after = image(bed, ref);
    assertThat(after.id().toString()).isEqualTo(PullBed.digest(ref)).isNotEqualTo(before.id().toString());
    assertThat(report.outcomes()).singleElement().satisfies(o -> {
      assertThat(o.action()).isEqualTo("refreshed");
      assertThat(o.before()).isEqualTo(before.present().get(0).digest());
      assertThat(o.after().toString()).isEqualTo(PullBed.digest(ref, "linux/amd64"));
    });
    assertThat(report.oldImageKept()).isFalse();
    assertThat(bed.store.images()).filteredOn(Image::isDangling).extracting(Image::id).containsExactly(before.id());
    PullReport unchanged = bed.pull(ref, List.of(), false, false);
    assertThat(unchanged.outcomes()).extracting(PullReport.Outcome::action).containsExactly("unchanged");
    assertThat(bed.store.images()).hasSize(2);
    LayoutAudit.check(dir);
  }

  @Test
  void pruningTheLayoutAfterATagMovedKeepsEveryBlobOfTheNamedImage() {
    PullBed bed = PullBed.in(dir);
    String ref = PullBed.copy("mimg/rmme:1", "gc");
    bed.pull(ref, List.of(), false, false);
    PullBed.moveToOtherImages(ref);
    bed.pull(ref, List.of(), false, false);
    Image dangling = bed.store.images().stream().filter(Image::isDangling).findFirst().orElseThrow();
    bed.store.removeImage(dangling);
    assertThat(bed.store.images()).singleElement().satisfies(i -> assertThat(i.present()).hasSize(1));
    assertThat(LayoutAudit.check(dir)).isEqualTo(4);
    assertThat(bed.store.layout().gc()).isZero();
  }

  private static Image image(PullBed bed, String reference) {
    Reference wanted = Reference.parse(reference);
    return bed.store.images().stream().filter(i -> i.tags().contains(wanted)).findFirst()
        .orElseThrow(() -> new AssertionError(reference + " is not listed in the layout"));
  }

  /** Two pulls of different platforms into one layout at once: each reports its own platform only (issue 13, 8). */
  @Test
  void concurrentPullsEachReportTheirOwnPlatform() throws Exception {
    String ref = PullBed.copy("mimg/rmme:1", "concurrent");
    PullBed first = PullBed.in(dir);
    PullBed second = PullBed.in(dir);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var arm64 = pool.submit(() -> first.pull(ref, List.of(ARM64), false, false));
      var s390x = pool.submit(() -> second.pull(ref, List.of(S390X), false, false));
      assertThat(arm64.get().outcomes()).extracting(PullReport.Outcome::platform).containsExactly("linux/arm64/v8");
      assertThat(s390x.get().outcomes()).extracting(PullReport.Outcome::platform).containsExactly("linux/s390x");
    } finally {
      pool.shutdownNow();
    }
    assertThat(image(first, ref).present()).extracting(v -> v.platform().toString())
        .contains("linux/arm64/v8", "linux/s390x");
  }

  /** {@code --all-platforms} of an index without the host's platform pulls what it lists (issue 13, 9). */
  @Test
  void allPlatformsOfAnIndexWithoutTheHostsPlatform() {
    String ref = Bed.ref("alltest/nohost:layout");
    Bed.crane("index", "append", "-m", Bed.ref("mimg/rmme:1-v2"), "-m", Bed.ref("mimg/rmme:1-v3"), "-t", ref);
    PullBed bed = PullBed.in(dir);
    PullReport report = bed.pull(ref, List.of(), true, false);
    assertThat(image(bed, ref).present()).extracting(v -> v.platform().toString())
        .containsExactly("linux/arm64/v8", "linux/s390x");
    assertThat(report.outcomes()).extracting(PullReport.Outcome::platform)
        .containsExactly("linux/arm64/v8", "linux/s390x");
  }
}
