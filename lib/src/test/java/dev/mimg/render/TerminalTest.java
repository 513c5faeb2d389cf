package dev.mimg.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TerminalTest {

  private static final List<String> PLATFORMS = List.of("linux/amd64", "linux/arm64/v8", "linux/s390x");

  @ParameterizedTest(name = "maxWidth {0} -> \"{1}\"")
  @CsvSource(delimiter = '|', value = {
    "0   | linux/amd64, linux/arm64/v8, linux/s390x",
    "-1  | linux/amd64, linux/arm64/v8, linux/s390x",
    "40  | linux/amd64, linux/arm64/v8, linux/s390x",
    "39  | linux/amd64, linux/arm64/v8, ...",
    "32  | linux/amd64, linux/arm64/v8, ...",
    "31  | linux/amd64, ...",
    "16  | linux/amd64, ...",
    "15  | ...",
    "1   | ...",
  })
  void truncateListKeepsWholeItemsThatFit(int maxWidth, String expected) {
    assertThat(Terminal.truncateList(PLATFORMS, maxWidth)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{0}] -> \"{1}\"")
  @CsvSource(delimiter = '|', value = {
    "''           | ''",
    "名前,🐳,x     | 名前, 🐳, x",
  })
  void truncateListCountsCodePoints(String joined, String expected) {
    List<String> items = joined.isEmpty() ? List.of() : List.of(joined.split(","));

    assertThat(Terminal.truncateList(items, 8)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "COLUMNS={0} -> {1}")
  @CsvSource(delimiter = '|', value = {
    "120   | 120",
    "' 80' | 80",
    "abc   | 0",
    "-5    | 0",
    "''    | 0",
  })
  void widthComesFromColumnsVariable(String columns, int expected) {
    assertThat(Terminal.widthFrom(Map.of("COLUMNS", columns))).isEqualTo(expected);
  }

  @Test
  void widthIsUnknownWithoutColumnsVariable() {
    assertThat(Terminal.widthFrom(Map.of())).isZero();
  }
}
