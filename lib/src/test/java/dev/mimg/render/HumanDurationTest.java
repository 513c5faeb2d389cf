package dev.mimg.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HumanDurationTest {

  static Stream<Arguments> durations() {
    return Stream.of(
        Arguments.of(Duration.ofSeconds(-5), "Less than a second"),
        Arguments.of(Duration.ZERO, "Less than a second"),
        Arguments.of(Duration.ofMillis(999), "Less than a second"),
        Arguments.of(Duration.ofSeconds(1), "1 second"),
        Arguments.of(Duration.ofMillis(1999), "1 second"),
        Arguments.of(Duration.ofSeconds(2), "2 seconds"),
        Arguments.of(Duration.ofSeconds(59), "59 seconds"),
        Arguments.of(Duration.ofSeconds(60), "About a minute"),
        Arguments.of(Duration.ofSeconds(119), "About a minute"),
        Arguments.of(Duration.ofMinutes(2), "2 minutes"),
        Arguments.of(Duration.ofSeconds(59 * 60 + 59), "59 minutes"),
        Arguments.of(Duration.ofMinutes(60), "About an hour"),
        Arguments.of(Duration.ofMinutes(89), "About an hour"),
        Arguments.of(Duration.ofMinutes(90), "2 hours"),
        Arguments.of(Duration.ofHours(47).plusMinutes(29), "47 hours"),
        Arguments.of(Duration.ofHours(47).plusMinutes(30), "2 days"),
        Arguments.of(Duration.ofDays(13), "13 days"),
        Arguments.of(Duration.ofDays(14).minusMinutes(31), "13 days"),
        Arguments.of(Duration.ofDays(14), "2 weeks"),
        Arguments.of(Duration.ofDays(59), "8 weeks"),
        Arguments.of(Duration.ofDays(60), "2 months"),
        Arguments.of(Duration.ofDays(729), "24 months"),
        Arguments.of(Duration.ofDays(730), "2 years"),
        Arguments.of(Duration.ofDays(1000), "2 years"),
        Arguments.of(Duration.ofDays(365 * 500), "292 years"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("durations")
  void matchesGoUnitsHumanDuration(Duration duration, String expected) {
    assertThat(HumanDuration.of(duration)).isEqualTo(expected);
  }

  @Test
  void sinceAppendsAgoLikeDockerCreatedColumn() {
    Instant now = Instant.parse("2024-05-01T12:00:00Z");

    assertThat(HumanDuration.since(now.minus(Duration.ofDays(3)), now)).isEqualTo("3 days ago");
  }
}
