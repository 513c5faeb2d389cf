package dev.mimg.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 3339 times read by hand agree with java.time's reading, and what is no such time is refused alike. */
class Rfc3339Test {

  @ParameterizedTest
  @ValueSource(strings = {"2024-01-02T03:04:05Z", "2024-01-02t03:04:05z", "2024-02-29T23:59:59.5Z",
      "2024-01-02T03:04:05.123456789Z", "2024-01-02T03:04:05.000001+01:30", "1970-01-01T00:00:00-05:00",
      "2024-12-31T23:59:59+14:00", "2024-01-02T03:04:05.1234567890Z", "2024-01-02T03:04Z"})
  void agreesWithJavaTime(String text) {
    Object expected;
    try {
      expected = OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      expected = DateTimeParseException.class;
    }
    if (expected == DateTimeParseException.class) {
      assertThatThrownBy(() -> Rfc3339.parse(text)).isInstanceOf(DateTimeParseException.class);
    } else {
      assertThat(Rfc3339.parse(text)).isEqualTo(expected);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"2023-02-29T00:00:00Z", "2024-13-01T00:00:00Z", "2024-01-02T24:00:00Z", "yesterday", ""})
  void impossibleTimesAreRefused(String text) {
    assertThatThrownBy(() -> Rfc3339.parse(text)).isInstanceOf(DateTimeParseException.class);
  }
}
