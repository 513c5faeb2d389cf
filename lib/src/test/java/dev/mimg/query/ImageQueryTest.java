package dev.mimg.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mimg.model.Digest;
import dev.mimg.model.Image;
import dev.mimg.model.InvalidInputException;
import dev.mimg.model.MediaTypes;
import dev.mimg.model.Platform;
import dev.mimg.model.Variant;
import dev.mimg.view.ViewFixtures;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Query steps over an in-memory store. */
class ImageQueryTest {

  /** busybox:1.36 with only linux/arm/v6 present (arm/v7 missing). */
  private static Image armV6Only() {
    return new Image(ViewFixtures.digest("a6a6"), MediaTypes.OCI_INDEX, ViewFixtures.names("busybox:1.36"),
        List.of(), Instant.parse("2025-01-01T00:00:00Z"),
        List.of(
            new Variant(ViewFixtures.digest("a6a601"), Platform.of("linux", "arm", "v6"), Variant.Kind.IMAGE, true,
                10, 20, List.of(), null),
            new Variant(ViewFixtures.digest("a6a602"), Platform.of("linux", "arm", "v7"), Variant.Kind.IMAGE, false,
                0, 0, List.of(), null)),
        Map.of());
  }

  private static final FakeStore STORE = new FakeStore(List.of(ViewFixtures.dangling(), armV6Only(),
      ViewFixtures.byDigest(), ViewFixtures.attested(), ViewFixtures.single(), ViewFixtures.alpine()));

  private static List<String> ids(ImageQuery query) {
    return query.list().stream().map(Image::id).map(Digest::shortId).toList();
  }

  private static ImageQuery images() {
    return Mimg.images(STORE);
  }

  @Test
  void listOrdersByRepositoryThenTagThenUntaggedByName() {
    assertThat(ids(images())).containsExactly(
        "0ac33e5f5afa",  // alpine
        "a6a600000000",  // busybox
        "5170e1000000",  // example.com/tools/single
        "a77e57000000",  // me/attested
        "b1d1e5700000",  // untagged 127.0.0.1:5123/mimg/bydigest
        "dead00000000"); // dangling
  }

  @Test
  void tagOrdersImagesOfOneRepository() {
    Image latest = new Image(ViewFixtures.digest("1111"), MediaTypes.OCI_INDEX, ViewFixtures.names("app:latest"),
        List.of(), Instant.EPOCH, List.of(), Map.of());
    Image v1 = new Image(ViewFixtures.digest("2222"), MediaTypes.OCI_INDEX, ViewFixtures.names("app:1.0"),
        List.of(), Instant.EPOCH, List.of(), Map.of());
    Image dangling2 = new Image(ViewFixtures.digest("0000"), MediaTypes.OCI_INDEX, List.of(), List.of(),
        Instant.EPOCH, List.of(), Map.of());
    Image dangling1 = new Image(ViewFixtures.digest("ffff"), MediaTypes.OCI_INDEX, List.of(), List.of(),
        Instant.EPOCH, List.of(), Map.of());
    assertThat(ids(Mimg.images(new FakeStore(List.of(dangling1, latest, dangling2, v1)))))
        .containsExactly("222200000000", "111100000000", "000000000000", "ffff00000000");
  }

  @Test
  void platformIsStrictArmV7DoesNotSelectArmV6() {
    assertThat(ids(images().platform("linux/arm/v7"))).isEmpty();
    assertThat(ids(images().platform("linux/arm/v6"))).containsExactly("a6a600000000");
  }

  @Test
  void platformMatchesNormalizedForms() {
    assertThat(ids(images().platform("linux/arm64"))).containsExactly("0ac33e5f5afa", "a77e57000000");
    assertThat(ids(images().platform("linux/aarch64"))).containsExactly("0ac33e5f5afa", "a77e57000000");
    assertThat(ids(images().platform("linux/s390x"))).containsExactly("0ac33e5f5afa");
  }

  @Test
  void missingVariantsDoNotCount() {
    assertThat(ids(images().platform("linux/ppc64le"))).isEmpty();
  }

  @Test
  void severalPlatformsAreAnyOf() {
    assertThat(ids(images().platform("linux/s390x", "linux/arm/v6"))).containsExactly("0ac33e5f5afa", "a6a600000000");
  }

  /**
   * Chained platform steps (what {@code --filter platform=A --filter platform=B} and {@code --platform} produce) keep
   * the first step's filter and add an any-of filter, so the result is "has A": order-dependent, and neither any-of
   * (Docker's rule for a repeated filter key, and what {@code platform(A, B)} does) nor all-of. Today
   * platform(s390x).platform(arm/v6) lists only alpine and platform(arm/v6).platform(s390x) only busybox.
   */
  @Test
  void chainedPlatformStepsEqualOneStepWithBoth() {
    assertThat(ids(images().platform("linux/s390x").platform("linux/arm/v6")))
        .containsExactly("0ac33e5f5afa", "a6a600000000");
    assertThat(ids(images().platform("linux/arm/v6").platform("linux/s390x")))
        .containsExactly("0ac33e5f5afa", "a6a600000000");
  }

  @Test
  void noPlatformIsTheSameQuery() {
    ImageQuery query = images();
    assertThat(query.platform()).isSameAs(query);
  }

  @Test
  void malformedPlatformIsInvalidInput() {
    assertThatThrownBy(() -> images().platform("linux/"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("invalid platform \"linux/\": ");
  }

  @Test
  void shownVariantsFollowThePlatforms() {
    Image alpine = ViewFixtures.alpine();
    assertThat(alpine.variants().stream().filter(v -> images().shownVariants().test(alpine, v)).count()).isEqualTo(7);
    assertThat(alpine.variants().stream()
        .filter(v -> images().platform("linux/arm64", "linux/arm/v7").shownVariants().test(alpine, v))
        .map(v -> v.platform().toString())).containsExactly("linux/arm/v7", "linux/arm64/v8");
  }

  @Test
  void shallowAndComplete() {
    assertThat(ids(images().shallow())).containsExactly("0ac33e5f5afa", "a6a600000000", "b1d1e5700000");
    assertThat(ids(images().complete())).containsExactly("5170e1000000", "a77e57000000", "dead00000000");
  }

  @Test
  void attestationsDoNotMakeAnImageShallow() {
    assertThat(ViewFixtures.attested().isShallow()).isFalse();
    assertThat(ViewFixtures.attested().total()).isEqualTo(2);
  }

  @Test
  void dangling() {
    assertThat(ids(images().dangling())).containsExactly("dead00000000");
    assertThat(ids(images().dangling(true))).containsExactly("dead00000000");
    assertThat(ids(images().dangling(false))).containsExactly("0ac33e5f5afa", "a6a600000000", "5170e1000000",
        "a77e57000000", "b1d1e5700000");
  }

  @Test
  void referenceMatchesTagsAndDigestReferences() {
    assertThat(ids(images().reference("alpine"))).containsExactly("0ac33e5f5afa");
    assertThat(ids(images().reference("*/*"))).containsExactly("a77e57000000");
    assertThat(ids(images().reference("*/*/*"))).containsExactly("0ac33e5f5afa", "a6a600000000", "5170e1000000",
        "a77e57000000", "b1d1e5700000");
    assertThat(ids(images().reference("127.0.0.1:5123/mimg/*"))).containsExactly("b1d1e5700000");
    assertThat(ids(images().reference("*:latest"))).containsExactly("0ac33e5f5afa");
  }

  @Test
  void stepsCombineAndLeaveTheOriginalUnchanged() {
    ImageQuery base = images();
    ImageQuery narrowed = base.shallow().platform("linux/amd64");
    assertThat(ids(narrowed)).containsExactly("0ac33e5f5afa", "b1d1e5700000");
    assertThat(base.count()).isEqualTo(6);
    assertThat(narrowed.count()).isEqualTo(2);
    assertThat(ids(images().where(image -> image.containers().size() == 3))).containsExactly("0ac33e5f5afa");
  }

  @Test
  void stepsAreLazyAndEachTerminalAsksTheStoreOnce() {
    FakeStore store = new FakeStore(List.of(ViewFixtures.alpine()));
    ImageQuery query = Mimg.images(store).shallow().platform("linux/amd64").dangling(false);
    assertThat(store.calls).isZero();
    assertThat(query.count()).isEqualTo(1);
    assertThat(store.calls).isEqualTo(1);
    assertThat(query.list()).hasSize(1);
    assertThat(store.calls).isEqualTo(2);
    assertThat(query.store()).isSameAs(store);
  }
}
