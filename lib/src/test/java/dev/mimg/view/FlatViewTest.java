package dev.mimg.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mimg.render.TemplateException;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Golden texts of the flat listing over hand-built images, anchored at a fixed "now". */
class FlatViewTest {

  private static TimeZone savedZone;

  @BeforeAll
  static void utc() {
    savedZone = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("UTC"));  // CreatedAt is printed in the local zone
  }

  @AfterAll
  static void restoreZone() {
    TimeZone.setDefault(savedZone);
  }

  private static ListingOptions options(String format, boolean quiet, boolean noTrunc, boolean digests,
      boolean counts, int width) {
    return ListingOptions.defaults().now(ViewFixtures.NOW).width(width).with(ListingOptions.Switch.QUIET, quiet)
        .with(ListingOptions.Switch.NO_TRUNC, noTrunc).with(ListingOptions.Switch.DIGESTS, digests)
        .with(ListingOptions.Switch.COUNTS, counts).format(format);
  }

  private static String render(ListingOptions options) {
    return FlatView.render(ViewFixtures.all(), options);
  }

  @Test
  void defaultTableHasOneRowPerTagAndPlatformsBeforeSize() {
    assertThat(render(options(null, false, false, false, false, 0))).isEqualTo("""
        REPOSITORY                     TAG       IMAGE ID       CREATED              PLATFORMS                                  SIZE
        alpine                         3.16      0ac33e5f5afa   15 months ago        linux/amd64, linux/arm64/v8, linux/s390x   10MB
        alpine                         latest    0ac33e5f5afa   15 months ago        linux/amd64, linux/arm64/v8, linux/s390x   10MB
        example.com/tools/single       1.0       5170e1000000   27 hours ago         linux/amd64                                12.3MB
        me/attested                    1         a77e57000000   About a minute ago   linux/amd64, linux/arm64                   1MB
        127.0.0.1:5123/mimg/bydigest   <none>    b1d1e5700000   3 days ago           linux/amd64                                225kB
        <none>                         <none>    dead00000000   N/A                  linux/amd64                                1kB
        """);
  }

  @Test
  void tableFormatIsTheDefaultTable() {
    assertThat(render(options("table", false, false, false, false, 0)))
        .isEqualTo(render(options(null, false, false, false, false, 0)));
  }

  @Test
  void countsShowPresentOverTotalAndMarkCompleteImages() {
    assertThat(render(options(null, false, false, false, true, 0))).isEqualTo("""
        REPOSITORY                     TAG       IMAGE ID       CREATED              PLATFORMS   SIZE
        alpine                         3.16      0ac33e5f5afa   15 months ago        3/7         10MB
        alpine                         latest    0ac33e5f5afa   15 months ago        3/7         10MB
        example.com/tools/single       1.0       5170e1000000   27 hours ago         1/1 all     12.3MB
        me/attested                    1         a77e57000000   About a minute ago   2/2 all     1MB
        127.0.0.1:5123/mimg/bydigest   <none>    b1d1e5700000   3 days ago           1/2         225kB
        <none>                         <none>    dead00000000   N/A                  1/1 all     1kB
        """);
  }

  @Test
  void digestsAddADigestColumnAfterTag() {
    assertThat(render(options(null, false, false, true, false, 0))).isEqualTo("""
        REPOSITORY                     TAG       DIGEST                                                                    IMAGE ID       CREATED              PLATFORMS                                  SIZE
        alpine                         3.16      sha256:0ac33e5f5afa0000000000000000000000000000000000000000000000000000   0ac33e5f5afa   15 months ago        linux/amd64, linux/arm64/v8, linux/s390x   10MB
        alpine                         latest    sha256:0ac33e5f5afa0000000000000000000000000000000000000000000000000000   0ac33e5f5afa   15 months ago        linux/amd64, linux/arm64/v8, linux/s390x   10MB
        example.com/tools/single       1.0       <none>                                                                    5170e1000000   27 hours ago         linux/amd64                                12.3MB
        me/attested                    1         <none>                                                                    a77e57000000   About a minute ago   linux/amd64, linux/arm64                   1MB
        127.0.0.1:5123/mimg/bydigest   <none>    sha256:b1d1e57000000000000000000000000000000000000000000000000000000000   b1d1e5700000   3 days ago           linux/amd64                                225kB
        <none>                         <none>    <none>                                                                    dead00000000   N/A                  linux/amd64                                1kB
        """);
  }

  @Test
  void noTruncShowsFullIds() {
    assertThat(render(options(null, false, true, false, false, 0))).isEqualTo("""
        REPOSITORY                     TAG       IMAGE ID                                                                  CREATED              PLATFORMS                                  SIZE
        alpine                         3.16      sha256:0ac33e5f5afa0000000000000000000000000000000000000000000000000000   15 months ago        linux/amd64, linux/arm64/v8, linux/s390x   10MB
        alpine                         latest    sha256:0ac33e5f5afa0000000000000000000000000000000000000000000000000000   15 months ago        linux/amd64, linux/arm64/v8, linux/s390x   10MB
        example.com/tools/single       1.0       sha256:5170e10000000000000000000000000000000000000000000000000000000000   27 hours ago         linux/amd64                                12.3MB
        me/attested                    1         sha256:a77e570000000000000000000000000000000000000000000000000000000000   About a minute ago   linux/amd64, linux/arm64                   1MB
        127.0.0.1:5123/mimg/bydigest   <none>    sha256:b1d1e57000000000000000000000000000000000000000000000000000000000   3 days ago           linux/amd64                                225kB
        <none>                         <none>    sha256:dead000000000000000000000000000000000000000000000000000000000000   N/A                  linux/amd64                                1kB
        """);
  }

  @Test
  void quietPrintsOneShortIdPerRow() {
    assertThat(render(options(null, true, false, false, false, 0))).isEqualTo("""
        0ac33e5f5afa
        0ac33e5f5afa
        5170e1000000
        a77e57000000
        b1d1e5700000
        dead00000000
        """);
  }

  @Test
  void quietWithNoTruncPrintsFullIds() {
    assertThat(FlatView.render(List.of(ViewFixtures.dangling()), options(null, true, true, false, false, 0)))
        .isEqualTo("sha256:dead000000000000000000000000000000000000000000000000000000000000\n");
  }

  @Test
  void width80TruncatesPlatformsToWholeItemsAndEllipsis() {
    assertThat(render(options(null, false, false, false, false, 80))).isEqualTo("""
        REPOSITORY                     TAG       IMAGE ID       CREATED              PLATFORMS          SIZE
        alpine                         3.16      0ac33e5f5afa   15 months ago        linux/amd64, ...   10MB
        alpine                         latest    0ac33e5f5afa   15 months ago        linux/amd64, ...   10MB
        example.com/tools/single       1.0       5170e1000000   27 hours ago         linux/amd64        12.3MB
        me/attested                    1         a77e57000000   About a minute ago   linux/amd64, ...   1MB
        127.0.0.1:5123/mimg/bydigest   <none>    b1d1e5700000   3 days ago           linux/amd64        225kB
        <none>                         <none>    dead00000000   N/A                  linux/amd64        1kB
        """);
  }

  @Test
  void wideTerminalLeavesPlatformsAlone() {
    assertThat(render(options(null, false, false, false, false, 200)))
        .isEqualTo(render(options(null, false, false, false, false, 0)));
  }

  @Test
  void noTruncWinsOverTheWidth() {
    assertThat(render(options(null, false, true, false, false, 80)))
        .isEqualTo(render(options(null, false, true, false, false, 0)));
  }

  /**
   * The longest default row is 126 columns wide (31+10+15+21+43+"12.3MB"), so a 126-column terminal fits it: PLATFORMS
   * should stay whole. FlatView.truncatePlatforms counts SIZE, the last and never padded column, as max(6+3, 10) = 10,
   * so it keeps only 36 columns for PLATFORMS and truncates rows that fit.
   */
  @Test
  void rowThatExactlyFitsTheTerminalIsNotTruncated() {
    String full = render(options(null, false, false, false, false, 0));
    assertThat(full.lines().mapToInt(String::length).max().orElseThrow()).isEqualTo(126);
    assertThat(render(options(null, false, false, false, false, 126))).isEqualTo(full);
  }

  /**
   * With --digests a 74-column DIGEST column is printed, but truncatePlatforms does not count it: at width 150 the
   * rows (198 columns) are left untruncated and overflow the terminal.
   */
  @Test
  void digestsColumnCountsTowardsTheWidth() {
    String text = render(options(null, false, false, true, false, 150));
    assertThat(text.lines().skip(1).findFirst().orElseThrow())
        .isEqualTo("alpine                         3.16      "
            + "sha256:0ac33e5f5afa0000000000000000000000000000000000000000000000000000   0ac33e5f5afa   "
            + "15 months ago        linux/amd64, ...   10MB");
  }

  /**
   * A custom table shows only IMAGE ID and PLATFORMS (55 columns), yet at width 80 PLATFORMS is cut as if the default
   * columns (REPOSITORY, TAG, CREATED, SIZE) were printed too.
   */
  @Test
  void customTableIsTruncatedOnlyWhenItDoesNotFit() {
    assertThat(render(options("table {{.ID}}\\t{{.Platforms}}", false, false, false, false, 80)))
        .isEqualTo(render(options("table {{.ID}}\\t{{.Platforms}}", false, false, false, false, 0)));
  }

  @Test
  void jsonFormatPrintsOneObjectPerLineWithSortedKeys() {
    assertThat(render(options("json", false, false, false, false, 0))).isEqualTo("""
        {"Containers":"3","CreatedAt":"2024-03-01 10:00:00 +0000 UTC","CreatedSince":"15 months ago","Digest":"sha256:0ac33e5f5afa0000000000000000000000000000000000000000000000000000","DiskUsage":"38.3MB","ID":"0ac33e5f5afa","PlatformCount":"3/7","Platforms":"linux/amd64, linux/arm64/v8, linux/s390x","Present":"3","Repository":"alpine","Shallow":"true","Size":"10MB","Tag":"3.16","Total":"7"}
        {"Containers":"3","CreatedAt":"2024-03-01 10:00:00 +0000 UTC","CreatedSince":"15 months ago","Digest":"sha256:0ac33e5f5afa0000000000000000000000000000000000000000000000000000","DiskUsage":"38.3MB","ID":"0ac33e5f5afa","PlatformCount":"3/7","Platforms":"linux/amd64, linux/arm64/v8, linux/s390x","Present":"3","Repository":"alpine","Shallow":"true","Size":"10MB","Tag":"latest","Total":"7"}
        {"Containers":"0","CreatedAt":"2025-05-31 09:00:00 +0000 UTC","CreatedSince":"27 hours ago","Digest":"\\u003cnone\\u003e","DiskUsage":"52.3MB","ID":"5170e1000000","PlatformCount":"1/1 all","Platforms":"linux/amd64","Present":"1","Repository":"example.com/tools/single","Shallow":"false","Size":"12.3MB","Tag":"1.0","Total":"1"}
        {"Containers":"0","CreatedAt":"2025-06-01 11:59:00 +0000 UTC","CreatedSince":"About a minute ago","Digest":"\\u003cnone\\u003e","DiskUsage":"2MB","ID":"a77e57000000","PlatformCount":"2/2 all","Platforms":"linux/amd64, linux/arm64","Present":"2","Repository":"me/attested","Shallow":"false","Size":"1MB","Tag":"1","Total":"2"}
        {"Containers":"0","CreatedAt":"2025-05-29 12:00:00 +0000 UTC","CreatedSince":"3 days ago","Digest":"sha256:b1d1e57000000000000000000000000000000000000000000000000000000000","DiskUsage":"835kB","ID":"b1d1e5700000","PlatformCount":"1/2","Platforms":"linux/amd64","Present":"1","Repository":"127.0.0.1:5123/mimg/bydigest","Shallow":"true","Size":"225kB","Tag":"\\u003cnone\\u003e","Total":"2"}
        {"Containers":"0","CreatedAt":"1970-01-01 00:00:00 +0000 UTC","CreatedSince":"N/A","Digest":"\\u003cnone\\u003e","DiskUsage":"3.5kB","ID":"dead00000000","PlatformCount":"1/1 all","Platforms":"linux/amd64","Present":"1","Repository":"\\u003cnone\\u003e","Shallow":"false","Size":"1kB","Tag":"\\u003cnone\\u003e","Total":"1"}
        """);
  }

  @Test
  void jsonFormatIsNeverTruncated() {
    assertThat(render(options("json", false, false, false, false, 80)))
        .isEqualTo(render(options("json", false, false, false, false, 0)));
  }

  @Test
  void templateRendersOneLinePerRowWithoutHeader() {
    assertThat(render(options("{{.Repository}}:{{.Tag}} {{.Platforms}}", false, false, false, false, 0)))
        .isEqualTo("""
        alpine:3.16 linux/amd64, linux/arm64/v8, linux/s390x
        alpine:latest linux/amd64, linux/arm64/v8, linux/s390x
        example.com/tools/single:1.0 linux/amd64
        me/attested:1 linux/amd64, linux/arm64
        127.0.0.1:5123/mimg/bydigest:<none> linux/amd64
        <none>:<none> linux/amd64
          """);
  }

  @Test
  void tableTemplateGetsHeadersAndAlignment() {
    assertThat(render(options("table {{.ID}}\\t{{.Platforms}}", false, false, false, false, 0)))
        .isEqualTo("""
        IMAGE ID       PLATFORMS
        0ac33e5f5afa   linux/amd64, linux/arm64/v8, linux/s390x
        0ac33e5f5afa   linux/amd64, linux/arm64/v8, linux/s390x
        5170e1000000   linux/amd64
        a77e57000000   linux/amd64, linux/arm64
        b1d1e5700000   linux/amd64
        dead00000000   linux/amd64
          """);
  }

  @Test
  void templateCanUseMimgFields() {
    assertThat(FlatView.render(List.of(ViewFixtures.alpine()),
        options("{{.Tag}} {{.Present}}/{{.Total}} {{.Shallow}} {{.DiskUsage}} {{.Containers}} {{.CreatedAt}}",
            false, false, false, false, 0)))
        .isEqualTo("""
            3.16 3/7 true 38.3MB 3 2024-03-01 10:00:00 +0000 UTC
            latest 3/7 true 38.3MB 3 2024-03-01 10:00:00 +0000 UTC
            """);
  }

  @Test
  void unknownTemplateFieldIsATemplateException() {
    assertThatThrownBy(() -> render(options("{{.Nope}}", false, false, false, false, 0)))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith("invalid --format template: unknown field .Nope");
  }

  @Test
  void defaultFormatTracksDigestsAndCounts() {
    assertThat(FlatView.defaultFormat(options(null, false, false, false, false, 0)))
        .isEqualTo("table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Platforms}}\t{{.Size}}");
    assertThat(FlatView.defaultFormat(options(null, false, false, true, true, 0)))
        .isEqualTo("table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{.CreatedSince}}\t{{.PlatformCount}}"
            + "\t{{.Size}}");
  }

  @Test
  void emptyListIsJustTheHeader() {
    assertThat(FlatView.render(List.of(), options(null, false, false, false, false, 0)))
        .isEqualTo("REPOSITORY   TAG       IMAGE ID   CREATED   PLATFORMS   SIZE\n");
  }
}
