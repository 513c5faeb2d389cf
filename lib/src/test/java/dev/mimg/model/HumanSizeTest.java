package dev.mimg.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HumanSizeTest {

  @ParameterizedTest(name = "{0} bytes -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
            0                   | 0B
            1                   | 1B
            12                  | 12B
            100                 | 100B
            999                 | 999B
            1000                | 1kB
            1024                | 1.02kB
            1500                | 1.5kB
            10000               | 10kB
            12345               | 12.3kB
            100000              | 100kB
            832000              | 832kB
            999499              | 999kB
            999500              | 1e+03kB
            999999              | 1e+03kB
            1000000             | 1MB
            2684354             | 2.68MB
            6190000             | 6.19MB
            7800000             | 7.8MB
            77800000            | 77.8MB
            123456789           | 123MB
            1234567890          | 1.23GB
            15000000000         | 15GB
            1000000000000       | 1TB
            1000000000000000000 | 1EB
            9223372036854775807 | 9.22EB
            -5                  | -5B
            """)
  void formatsLikeDockerImageLs(long bytes, String expected) {
    assertThat(HumanSize.format(bytes)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} bytes at precision {1} -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
            2684354 | 4 | 2.684MB
            2684354 | 1 | 3MB
            6190000 | 0 | 6MB
            1500    | 0 | 2kB
            12500   | 2 | 12kB
            13500   | 2 | 14kB
            95000   | 1 | 1e+02kB
            1000    | 5 | 1kB
            1234567 | 7 | 1.234567MB
            """)
  void formatsWithGivenPrecision(long bytes, int precision, String expected) {
    assertThat(HumanSize.format(bytes, precision)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "%.{1}g of {0} -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
            0          | 3 | 0
            0.0001     | 3 | 0.0001
            0.00001234 | 3 | 1.23e-05
            0.5        | 3 | 0.5
            1234567    | 3 | 1.23e+06
            1e100      | 3 | 1e+100
            100        | 3 | 100
            100        | 2 | 1e+02
            123.456    | 5 | 123.46
            -2.5       | 3 | -2.5
            """)
  void goPercentGSemantics(double value, int precision, String expected) {
    assertThat(GoFloatFormat.formatG(value, precision)).isEqualTo(expected);
  }
}
