package dev.mimg.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimg.model.Digest;
import dev.mimg.model.Image;
import dev.mimg.model.MediaTypes;
import dev.mimg.model.Platform;
import dev.mimg.model.Variant;
import dev.mimg.store.ImageStore;
import dev.mimg.store.fleet.FleetStore;
import dev.mimg.view.ListingOptions;
import dev.mimg.view.Listings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A fleet as the query layer sees it: images labelled by store, retention counted per store, one plan grouped per
 * store, a failing or hanging store one notice while the others answer; pure logic over fake stores.
 */
class FleetQueryTest {

  private static final Platform AMD64 = Platform.of("linux", "amd64", "");
  private static final Platform S390X = Platform.of("linux", "s390x", "");

  private static Variant variant(String seed, Platform platform) {
    return new Variant(Digest.sha256Of(seed.getBytes(StandardCharsets.UTF_8)), platform, Variant.Kind.IMAGE, true,
        1000, 2000, List.of(), null);
  }

  private static Image image(String created, String tag) {
    return new Image(Digest.sha256Of(tag.getBytes(StandardCharsets.UTF_8)), MediaTypes.OCI_INDEX,
        dev.mimg.view.ViewFixtures.names(tag), List.of(), Instant.parse(created + "T00:00:00Z"),
        List.of(variant(tag + "amd64", AMD64), variant(tag + "s390x", S390X)), Map.of());
  }

  private static final List<Image> RELEASES = List.of(image("2024-01-01", "app:1"), image("2024-02-01", "app:2"),
      image("2024-03-01", "app:3"));

  private static FleetStore fleet(Duration timeout, Map<String, ImageStore> stores) {
    return new FleetStore(stores.entrySet().stream().map(e -> new FleetStore.Member(e.getKey(), e.getValue()))
        .toList(), timeout, 4);
  }

  /** A store whose listing never comes (until interrupted). */
  private static ImageStore hanging() {
    return new FakeStore(List.of()) {
      @Override
      public List<Image> images() {
        try {
          Thread.sleep(60_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("interrupted");
      }
    };
  }

  /** A store that fails with one line. */
  private static ImageStore failing() {
    return new FakeStore(List.of()) {
      @Override
      public List<Image> images() {
        throw new dev.mimg.store.StoreUnavailableException("cannot reach the Docker engine at unix:///gone.sock",
            null);
      }
    };
  }

  @Test
  void everyImageIsLabelledWithItsStoreAndListingsShowAStoreColumn() {
    FleetStore fleet = fleet(Duration.ofSeconds(5), Map.of("b", new FakeStore(RELEASES),
        "a", new FakeStore(RELEASES.subList(0, 1))));
    List<Image> images = Mimg.images(fleet).list();
    assertThat(images).extracting(Image::store).containsExactly("a", "b", "b", "b");
    String table = Listings.render(images, dev.mimg.model.Selection.ALL, ListingOptions.defaults(),
        dev.mimg.model.RemoteSizes.NOT_ASKED);
    assertThat(table.lines().findFirst().orElseThrow()).startsWith("STORE ");
    assertThat(table.lines().skip(1)).allMatch(line -> line.startsWith("a ") || line.startsWith("b "));
    String single = Listings.render(Mimg.images(new FakeStore(RELEASES)).list(), dev.mimg.model.Selection.ALL,
        ListingOptions.defaults(), dev.mimg.model.RemoteSizes.NOT_ASKED);
    assertThat(single).doesNotContain("STORE");
    assertThat(fleet.failed()).isFalse();
  }

  @Test
  void retentionCountsEachStoreOnItsOwn() {
    FleetStore fleet = fleet(Duration.ofSeconds(5), Map.of("a", new FakeStore(RELEASES), "b",
        new FakeStore(RELEASES)));
    // keep the last 2 tags: app:1 goes on each store, not app:1 and app:2 of one listing of six
    assertThat(Mimg.images(fleet).beyondLast(2).list()).extracting(i -> i.store() + " " + i.name())
        .containsExactly("a app:1", "b app:1");
  }

  @Test
  void aPlanIsGroupedPerStoreAndCarriedOutOnlyAsADryRunHere() {
    FleetStore fleet = fleet(Duration.ofSeconds(5), Map.of("a", new FakeStore(RELEASES), "b",
        new FakeStore(RELEASES.subList(2, 3))));
    VariantQuery query = Mimg.images(fleet).dryRun().notPlatform("linux/amd64").variants().unused();
    RemovalPlan plan = query.removal().plan();
    assertThat(plan.steps()).extracting(step -> step.store() + " " + step.name() + " " + step.platform())
        .containsExactly("a app:1 linux/s390x", "a app:2 linux/s390x", "a app:3 linux/s390x", "b app:3 linux/s390x");
    assertThat(plan.describe().lines().findFirst().orElseThrow()).startsWith("STORE ");
    assertThat(plan.toJson().toString()).contains("\"Store\":\"b\"");
    RemovalReport report = query.removal().remove(plan);
    assertThat(report.dryRun()).isTrue();
    assertThat(report.removed()).hasSize(4);
  }

  @Test
  void aFailingStoreIsOneNoticeWhileTheOthersAnswer() {
    FleetStore fleet = fleet(Duration.ofSeconds(5), Map.of("a", new FakeStore(RELEASES), "down", failing()));
    assertThat(Mimg.images(fleet).list()).hasSize(3).allMatch(image -> "a".equals(image.store()));
    assertThat(fleet.failed()).isTrue();
    assertThat(fleet.notices()).containsExactly("store down (fake): cannot reach the Docker engine at "
        + "unix:///gone.sock");
    RemovalPlan plan = Mimg.images(fleet).dryRun().notPlatform("linux/amd64").variants().removal().plan();
    assertThat(plan.steps()).hasSize(3).allMatch(step -> step.store().equals("a"));
    assertThat(plan.notices()).anyMatch(notice -> notice.startsWith("store down (fake): ")
        && notice.endsWith("nothing planned there"));
  }

  @Test
  void aHangingStoreTimesOutAndTheOthersAnswerMeanwhile() {
    FleetStore fleet = fleet(Duration.ofMillis(300), Map.of("a", new FakeStore(RELEASES), "hangs", hanging()));
    long start = System.nanoTime();
    List<Image> images = Mimg.images(fleet).list();
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(images).hasSize(3);
    assertThat(millis).isLessThan(5_000);
    assertThat(fleet.failures()).singleElement().asString().startsWith("hangs (fake): no answer within 300 ms");
  }

  @Test
  void aHangingStoreDoesNotHoldTheSlotsOfTheOthers() {
    // one slot: the hanging store gives it back when its time is up, so the next store still answers
    FleetStore fleet = new FleetStore(List.of(new FleetStore.Member("a-hangs", hanging()),
        new FleetStore.Member("b", new FakeStore(RELEASES))), Duration.ofMillis(200), 1);
    assertThat(Mimg.images(fleet).list()).hasSize(3);
    assertThat(fleet.failures()).hasSize(1);
  }

  @Test
  void aNameTwiceInAFleetIsAnError() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FleetStore(List.of(
        new FleetStore.Member("a", new FakeStore(RELEASES)), new FleetStore.Member("a", new FakeStore(RELEASES))),
        Duration.ofSeconds(1), 1)).hasMessage("the store a is named twice");
  }
}
