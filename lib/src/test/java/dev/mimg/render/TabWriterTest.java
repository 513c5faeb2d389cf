package dev.mimg.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TabWriterTest {

  @Test
  void alignsDockerImageTableWithMinWidthTenAndPaddingThree() {
    String aligned = TabWriter.format(List.of(
        "REPOSITORY\tTAG\tIMAGE ID\tCREATED\tSIZE",
        "alpine\tlatest\tabc123\t2 weeks ago\t7.8MB",
        "ghcr.io/acme/very-long-name\tv1.2.3\tdef456\t3 days ago\t120MB"));

    assertThat(aligned).isEqualTo(
        "REPOSITORY                    TAG       IMAGE ID   CREATED       SIZE\n"
        + "alpine                        latest    abc123     2 weeks ago   7.8MB\n"
        + "ghcr.io/acme/very-long-name   v1.2.3    def456     3 days ago    120MB\n");
  }

  @Test
  void headerAloneMatchesDockerEmptyImageList() {
    assertThat(TabWriter.format(List.of("REPOSITORY\tTAG\tIMAGE ID\tCREATED\tSIZE")))
        .isEqualTo("REPOSITORY   TAG       IMAGE ID   CREATED   SIZE\n");
  }

  @Test
  void countsWidthInCodePointsNotBytesOrUtf16Units() {
    assertThat(TabWriter.format(List.of("ünïcödé-🐳-名前\tTAG", "abc\ty")))
        .isEqualTo("ünïcödé-🐳-名前   TAG\nabc            y\n");
  }

  @Test
  void lineWithFewerCellsEndsColumnBlockAsInGoDocExample() {
    String aligned = new TabWriter(0, 1).align("aaaa\tbbb\td\naa\tb\tdd\na\t\naa\tcccc\teee\n");

    assertThat(aligned).isEqualTo("aaaa bbb d\naa   b   dd\na    \naa   cccc eee\n");
  }

  @Test
  void lineWithoutTabsStartsFreshColumnWidths() {
    String aligned = TabWriter.format(List.of(
        "NAME\tPLATFORMS\tSIZE",
        "alpine\tlinux/amd64\t7MB",
        "(untagged)",
        "a-much-longer-name\tx\t1MB"));

    assertThat(aligned).isEqualTo(
        "NAME      PLATFORMS     SIZE\n"
        + "alpine    linux/amd64   7MB\n"
        + "(untagged)\n"
        + "a-much-longer-name   x         1MB\n");
  }

  @Test
  void trailingTabMakesLastTextACellThatIsPadded() {
    assertThat(TabWriter.docker().align("a\tb\t\n")).isEqualTo("a         b         \n");
  }

  @Test
  void emptyCellIsPaddedToColumnWidth() {
    assertThat(TabWriter.docker().align("\tx\nlong-name-here\ty\n"))
        .isEqualTo("                 x\nlong-name-here   y\n");
  }

  @Test
  void keepsMissingFinalNewlineMissing() {
    assertThat(TabWriter.docker().align("x\ty")).isEqualTo("x         y");
  }

  @Test
  void textWithoutTabsIsUnchanged() {
    assertThat(TabWriter.docker().align("plain\n\nlines")).isEqualTo("plain\n\nlines");
  }
}
