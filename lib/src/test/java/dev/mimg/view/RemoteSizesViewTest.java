package dev.mimg.view;

import dev.mimg.model.Selection;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mimg.model.RemoteSizes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden texts of {@code ls --remote}: SIZE as present / total, ? on a registry failure, dangling left as is. */
class RemoteSizesViewTest {

  private static ListingOptions options(String format, boolean all) {
    return ListingOptions.defaults().now(ViewFixtures.NOW).with(ListingOptions.Switch.ALL, all).format(format);
  }

  @Test
  void flatSizeIsPresentOverTotal() {
    assertThat(FlatView.render(ViewFixtures.all(), Selection.ALL, options("table {{.Repository}}\\t{{.Tag}}\\t{{.Size}}", false),
        ViewFixtures.remoteSizes())).isEqualTo("""
        REPOSITORY                     TAG       SIZE
        alpine                         3.16      10MB / 20.1MB
        alpine                         latest    10MB / 20.1MB
        example.com/tools/single       1.0       12.3MB / 12.3MB
        me/attested                    1         1MB / 1MB
        127.0.0.1:5123/mimg/bydigest   <none>    225kB / ?
        <none>                         <none>    1kB / 1kB
        """);
  }

  @Test
  void totalSizeFieldIsThereOnlyWhenTheRegistryWasAsked() {
    String format = "{{.Repository}} {{.TotalSize}}";
    assertThat(FlatView.render(List.of(ViewFixtures.alpine(), ViewFixtures.byDigest()), Selection.ALL, options(format, false),
        ViewFixtures.remoteSizes())).isEqualTo("""
        alpine 20.1MB
        alpine 20.1MB
        127.0.0.1:5123/mimg/bydigest ?
        """);
    assertThat(ImageRows.of(ViewFixtures.all(), ViewFixtures.NOW, false)).allSatisfy(
        row -> assertThat(row).doesNotContainKey("TotalSize"));
  }

  @Test
  void notAskedLeavesTheListingAsItWas() {
    assertThat(FlatView.render(ViewFixtures.all(), Selection.ALL, options(null, false), RemoteSizes.NOT_ASKED))
        .isEqualTo(FlatView.render(ViewFixtures.all(), options(null, false)));
    assertThat(TreeView.render(ViewFixtures.all(), Selection.ALL, options(null, true), RemoteSizes.NOT_ASKED))
        .isEqualTo(TreeView.render(ViewFixtures.all(), options(null, true)));
  }

  @Test
  void danglingShallowImagesAreNotLookedUp() {
    var image = new dev.mimg.model.Image(ViewFixtures.DANGLING_ID, dev.mimg.model.MediaTypes.OCI_INDEX, List.of(),
        List.of(), java.time.Instant.EPOCH, List.of(ViewFixtures.byDigest().variants().get(0),
            ViewFixtures.byDigest().variants().get(1)), java.util.Map.of());
    assertThat(FlatView.render(List.of(image), Selection.ALL, options("{{.Size}} {{.TotalSize}}", false),
        ViewFixtures.remoteSizes()))
        .isEqualTo("225kB ?\n");
  }

  @Test
  void treeAllShowsTheMissingVariantsSizes() {
    assertThat(TreeView.render(List.of(ViewFixtures.alpine(), ViewFixtures.byDigest()), Selection.ALL, options(null, true),
        ViewFixtures.remoteSizes())).isEqualTo("""
        IMAGE ID          REPOSITORY                     TAG       CREATED         PLATFORMS   SIZE            DISK USAGE   CONTAINERS   EXTRA
        0ac33e5f5afa      alpine                         3.16      15 months ago   3/7         10MB / 20.1MB   38.3MB       3            U
        \\_ 3d426b0bfc36   \\_ linux/amd64                                                       3.41MB          13.2MB       2            U
        \\_ 4a8c5e3bb0a1   \\_ linux/arm/v6                          -                           0B / 2.49MB     0B           0            missing
        \\_ 5b9d6f4cc1b2   \\_ linux/arm/v7                          -                           0B / 2.31MB     0B           0            missing
        \\_ 6cae7051d2c3   \\_ linux/arm64/v8                                                    3.35MB          12.8MB       1            U
        \\_ 7dbf8162e3d4   \\_ linux/386                             -                           0B / 2.68MB     0B           0            missing
        \\_ 8ec09273f4e5   \\_ linux/ppc64le                         -                           0B / 2.67MB     0B           0            missing
        \\_ 9fd1a38405f6   \\_ linux/s390x                                                       3.24MB          12.3MB       0           \s
        0ac33e5f5afa      alpine                         latest    15 months ago   3/7         10MB / 20.1MB   38.3MB       3            U
        \\_ 3d426b0bfc36   \\_ linux/amd64                                                       3.41MB          13.2MB       2            U
        \\_ 4a8c5e3bb0a1   \\_ linux/arm/v6                          -                           0B / 2.49MB     0B           0            missing
        \\_ 5b9d6f4cc1b2   \\_ linux/arm/v7                          -                           0B / 2.31MB     0B           0            missing
        \\_ 6cae7051d2c3   \\_ linux/arm64/v8                                                    3.35MB          12.8MB       1            U
        \\_ 7dbf8162e3d4   \\_ linux/386                             -                           0B / 2.68MB     0B           0            missing
        \\_ 8ec09273f4e5   \\_ linux/ppc64le                         -                           0B / 2.67MB     0B           0            missing
        \\_ 9fd1a38405f6   \\_ linux/s390x                                                       3.24MB          12.3MB       0           \s
        b1d1e5700000      127.0.0.1:5123/mimg/bydigest   <none>    3 days ago      1/2         225kB / ?       835kB        0           \s
        \\_ b1d1e5700001   \\_ linux/amd64                                                       225kB           835kB        0           \s
        \\_ b1d1e5700002   \\_ linux/arm64/v8                        -                           0B / ?          0B           0            missing
        """);
  }

  @Test
  void jsonHasTotalSizeInBytesNullWhenUnknown() {
    assertThat(JsonView.render(List.of(ViewFixtures.byDigest()), Selection.ALL, true, ViewFixtures.remoteSizes()))
        .contains("\"ContentSize\":225000,\"TotalSize\":null,")
        .contains("\"Available\":false,\"ContentSize\":0,\"TotalSize\":null,");
    assertThat(JsonView.render(List.of(ViewFixtures.alpine()), Selection.ALL, true, ViewFixtures.remoteSizes()))
        .contains("\"ContentSize\":10000000,\"TotalSize\":20150000,")
        .contains("\"Available\":false,\"ContentSize\":0,\"TotalSize\":2490000,")
        .contains("\"Available\":true,\"ContentSize\":3410000,\"TotalSize\":3410000,");
  }
}
