package dev.mimg.query;

import static dev.mimg.view.ViewFixtures.digest;
import static dev.mimg.view.ViewFixtures.names;
import static dev.mimg.view.ViewFixtures.platform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mimg.model.ContentPart;
import dev.mimg.model.ContentPart.Kind;
import dev.mimg.model.Digest;
import dev.mimg.model.DiskUse;
import dev.mimg.model.Image;
import dev.mimg.model.InvalidInputException;
import dev.mimg.model.MediaTypes;
import dev.mimg.model.Variant;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Disk use counts each part once: image A holds amd64 (v1) and arm64 (v2) sharing the layer blob L1, image B holds
 * amd64 (v3, in use by a container) with the same L1.
 */
class DiskUseAccountTest {

  private static final Digest V1 = digest("a1");
  private static final Digest V2 = digest("a2");
  private static final Digest V3 = digest("b3");
  private static final Digest V4 = digest("a4");

  private static final FakeStore STORE = new FakeStore(List.of(
      image("a:1", digest("aa"), variant(V1, "amd64"), variant(V2, "arm64"),
          new Variant(V4, platform("linux", "s390x", ""), Variant.Kind.IMAGE, false, 0, 0, List.of(), null)),
      image("b:1", digest("bb"), new Variant(V3, platform("linux", "amd64", ""), Variant.Kind.IMAGE, true, 110, 70,
          List.of("c1"), null))),
      Map.of(V1, List.of(content("L1", 100), content("M1", 10), unpacked("S1", 200)),
          V2, List.of(content("L1", 100), content("M2", 10), unpacked("S2", 50)),
          V3, List.of(content("L1", 100), content("M3", 10), unpacked("S3", 70))));

  @Test
  void byPlatformCountsASharedLayerOnceAndSaysWhereItIsShared() {
    DiskUse use = Mimg.images(STORE).diskUse();
    assertThat(use.rows()).containsExactly(
        new DiskUse.Row("linux/amd64", 2, 0, -1, 120, 270, 100, List.of("linux/arm64"), 210),
        new DiskUse.Row("linux/arm64", 1, 0, -1, 110, 50, 100, List.of("linux/amd64"), 60),
        new DiskUse.Row("linux/s390x", 0, 1, -1, 0, 0, 0, List.of(), 0));
    assertThat(use.total()).isEqualTo(new DiskUse.Row("TOTAL", 3, 1, -1, 130, 320, 0, List.of(), 270));
  }

  @Test
  void byImageAPartAnotherImageHoldsIsSharedAndWhatAContainerUsesIsNotReclaimable() {
    DiskUse use = Mimg.images(STORE).diskUse(DiskUse.By.IMAGE);
    assertThat(use.rows()).containsExactly(
        new DiskUse.Row("a:1", 2, 1, -1, 120, 250, 100, List.of("b:1"), 270),
        new DiskUse.Row("b:1", 1, 0, -1, 110, 70, 100, List.of("a:1"), 0));
  }

  @Test
  void variantsTheQueryLeavesOutCountAsOutsideTheRow() {
    DiskUse use = Mimg.images(STORE).platform("linux/arm64").diskUse();
    assertThat(use.rows()).containsExactly(
        new DiskUse.Row("linux/arm64", 1, 0, -1, 110, 50, 100, List.of("linux/amd64 (not selected)"), 60));
    assertThat(use.total().shared()).isEqualTo(100);
  }

  @Test
  void anUnknownGroupingIsOneLineError() {
    assertThatThrownBy(() -> DiskUse.By.parse("arch")).isInstanceOf(InvalidInputException.class)
        .hasMessage("unknown --by arch: use platform, repository or image");
    assertThat(DiskUse.By.parse("Repository")).isEqualTo(DiskUse.By.REPOSITORY);
  }

  private static Image image(String name, Digest id, Variant... variants) {
    return new Image(id, MediaTypes.OCI_INDEX, names(name), List.of(), Instant.EPOCH, List.of(variants), Map.of());
  }

  private static Variant variant(Digest digest, String architecture) {
    return new Variant(digest, platform("linux", architecture, ""), Variant.Kind.IMAGE, true, 110, 0, List.of(),
        null);
  }

  private static ContentPart content(String id, long bytes) {
    return new ContentPart(id, Kind.CONTENT, bytes);
  }

  private static ContentPart unpacked(String id, long bytes) {
    return new ContentPart(id, Kind.UNPACKED, bytes);
  }
}
