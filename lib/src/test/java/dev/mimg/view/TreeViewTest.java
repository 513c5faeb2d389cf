package dev.mimg.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimg.model.Platform;
import dev.mimg.model.RemoteSizes;
import dev.mimg.model.Selection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden texts of the ID-first tree: image rows, {@code \_ } variant rows, missing ones only with all. */
class TreeViewTest {

  private static ListingOptions options(boolean all, boolean noTrunc) {
    return ListingOptions.defaults().now(ViewFixtures.NOW).with(ListingOptions.Switch.NO_TRUNC, noTrunc)
        .with(ListingOptions.Switch.ALL, all);
  }

  @Test
  void treeShowsPresentVariantsUnderEveryName() {
    assertThat(TreeView.render(ViewFixtures.all(), options(false, false))).isEqualTo("""
        IMAGE ID          REPOSITORY                     TAG       CREATED              PLATFORMS   SIZE      DISK USAGE   CONTAINERS   EXTRA
        0ac33e5f5afa      alpine                         3.16      15 months ago        3/7         10MB      38.3MB       3            U
        \\_ 3d426b0bfc36   \\_ linux/amd64                                                            3.41MB    13.2MB       2            U
        \\_ 6cae7051d2c3   \\_ linux/arm64/v8                                                         3.35MB    12.8MB       1            U
        \\_ 9fd1a38405f6   \\_ linux/s390x                                                            3.24MB    12.3MB       0           \s
        0ac33e5f5afa      alpine                         latest    15 months ago        3/7         10MB      38.3MB       3            U
        \\_ 3d426b0bfc36   \\_ linux/amd64                                                            3.41MB    13.2MB       2            U
        \\_ 6cae7051d2c3   \\_ linux/arm64/v8                                                         3.35MB    12.8MB       1            U
        \\_ 9fd1a38405f6   \\_ linux/s390x                                                            3.24MB    12.3MB       0           \s
        5170e1000000      example.com/tools/single       1.0       27 hours ago         1/1         12.3MB    52.3MB       0           \s
        \\_ 5170e1000000   \\_ linux/amd64                                                            12.3MB    52.3MB       0           \s
        a77e57000000      me/attested                    1         About a minute ago   2/2         1MB       2MB          0           \s
        \\_ a77e57000001   \\_ linux/amd64                                                            1e+03kB   2MB          0           \s
        \\_ a77e57000002   \\_ linux/arm64                                                            1kB       1kB          0           \s
        b1d1e5700000      127.0.0.1:5123/mimg/bydigest   <none>    3 days ago           1/2         225kB     835kB        0           \s
        \\_ b1d1e5700001   \\_ linux/amd64                                                            225kB     835kB        0           \s
        dead00000000      <none>                         <none>    N/A                  1/1         1kB       3.5kB        0           \s
        \\_ dead00000001   \\_ linux/amd64                                                            1kB       3.5kB        0           \s
        """);
  }

  @Test
  void allAddsMissingVariantsAndAttestations() {
    assertThat(TreeView.render(ViewFixtures.all(), options(true, false))).isEqualTo("""
        IMAGE ID          REPOSITORY                     TAG       CREATED              PLATFORMS   SIZE      DISK USAGE   CONTAINERS   EXTRA
        0ac33e5f5afa      alpine                         3.16      15 months ago        3/7         10MB      38.3MB       3            U
        \\_ 3d426b0bfc36   \\_ linux/amd64                                                            3.41MB    13.2MB       2            U
        \\_ 4a8c5e3bb0a1   \\_ linux/arm/v6                          -                                0B        0B           0            missing
        \\_ 5b9d6f4cc1b2   \\_ linux/arm/v7                          -                                0B        0B           0            missing
        \\_ 6cae7051d2c3   \\_ linux/arm64/v8                                                         3.35MB    12.8MB       1            U
        \\_ 7dbf8162e3d4   \\_ linux/386                             -                                0B        0B           0            missing
        \\_ 8ec09273f4e5   \\_ linux/ppc64le                         -                                0B        0B           0            missing
        \\_ 9fd1a38405f6   \\_ linux/s390x                                                            3.24MB    12.3MB       0           \s
        0ac33e5f5afa      alpine                         latest    15 months ago        3/7         10MB      38.3MB       3            U
        \\_ 3d426b0bfc36   \\_ linux/amd64                                                            3.41MB    13.2MB       2            U
        \\_ 4a8c5e3bb0a1   \\_ linux/arm/v6                          -                                0B        0B           0            missing
        \\_ 5b9d6f4cc1b2   \\_ linux/arm/v7                          -                                0B        0B           0            missing
        \\_ 6cae7051d2c3   \\_ linux/arm64/v8                                                         3.35MB    12.8MB       1            U
        \\_ 7dbf8162e3d4   \\_ linux/386                             -                                0B        0B           0            missing
        \\_ 8ec09273f4e5   \\_ linux/ppc64le                         -                                0B        0B           0            missing
        \\_ 9fd1a38405f6   \\_ linux/s390x                                                            3.24MB    12.3MB       0           \s
        5170e1000000      example.com/tools/single       1.0       27 hours ago         1/1         12.3MB    52.3MB       0           \s
        \\_ 5170e1000000   \\_ linux/amd64                                                            12.3MB    52.3MB       0           \s
        a77e57000000      me/attested                    1         About a minute ago   2/2         1MB       2MB          0           \s
        \\_ a77e57000001   \\_ linux/amd64                                                            1e+03kB   2MB          0           \s
        \\_ a77e57000002   \\_ linux/arm64                                                            1kB       1kB          0           \s
        \\_ a77e57000003   \\_ unknown/unknown                       -                                840B      840B         0            attestation
        \\_ a77e57000004   \\_ unknown/unknown                       -                                838B      838B         0            attestation
        b1d1e5700000      127.0.0.1:5123/mimg/bydigest   <none>    3 days ago           1/2         225kB     835kB        0           \s
        \\_ b1d1e5700001   \\_ linux/amd64                                                            225kB     835kB        0           \s
        \\_ b1d1e5700002   \\_ linux/arm64/v8                        -                                0B        0B           0            missing
        dead00000000      <none>                         <none>    N/A                  1/1         1kB       3.5kB        0           \s
        \\_ dead00000001   \\_ linux/amd64                                                            1kB       3.5kB        0           \s
        """);
  }

  @Test
  void shownPredicateRestrictsVariantRowsButKeepsImageFigures() {
    Platform arm64 = Platform.parse("linux/arm64");
    Selection shown = new Selection(name -> true, (image, v) -> v.platform().matches(arm64));
    assertThat(TreeView.render(ViewFixtures.all(), shown, options(true, false), RemoteSizes.NOT_ASKED)).isEqualTo("""
        IMAGE ID          REPOSITORY                     TAG       CREATED              PLATFORMS   SIZE      DISK USAGE   CONTAINERS   EXTRA
        0ac33e5f5afa      alpine                         3.16      15 months ago        3/7         10MB      38.3MB       3            U
        \\_ 6cae7051d2c3   \\_ linux/arm64/v8                                                         3.35MB    12.8MB       1            U
        0ac33e5f5afa      alpine                         latest    15 months ago        3/7         10MB      38.3MB       3            U
        \\_ 6cae7051d2c3   \\_ linux/arm64/v8                                                         3.35MB    12.8MB       1            U
        5170e1000000      example.com/tools/single       1.0       27 hours ago         1/1         12.3MB    52.3MB       0           \s
        a77e57000000      me/attested                    1         About a minute ago   2/2         1MB       2MB          0           \s
        \\_ a77e57000002   \\_ linux/arm64                                                            1kB       1kB          0           \s
        b1d1e5700000      127.0.0.1:5123/mimg/bydigest   <none>    3 days ago           1/2         225kB     835kB        0           \s
        \\_ b1d1e5700002   \\_ linux/arm64/v8                        -                                0B        0B           0            missing
        dead00000000      <none>                         <none>    N/A                  1/1         1kB       3.5kB        0           \s
        """);
  }

  @Test
  void noTruncPrintsFullDigests() {
    assertThat(TreeView.render(List.of(ViewFixtures.byDigest()), options(true, true)))
        .isEqualTo("""
        IMAGE ID                                                                     REPOSITORY                     TAG       CREATED      PLATFORMS   SIZE      DISK USAGE   CONTAINERS   EXTRA
        sha256:b1d1e57000000000000000000000000000000000000000000000000000000000      127.0.0.1:5123/mimg/bydigest   <none>    3 days ago   1/2         225kB     835kB        0           \s
        \\_ sha256:b1d1e57000010000000000000000000000000000000000000000000000000000   \\_ linux/amd64                                                    225kB     835kB        0           \s
        \\_ sha256:b1d1e57000020000000000000000000000000000000000000000000000000000   \\_ linux/arm64/v8                        -                        0B        0B           0            missing
          """);
  }

  @Test
  void emptyTreeIsTheHeader() {
    assertThat(TreeView.render(List.of(), options(false, false))).isEqualTo(
        "IMAGE ID   REPOSITORY   TAG       CREATED   PLATFORMS   SIZE      DISK USAGE   CONTAINERS   EXTRA\n");
  }
}
