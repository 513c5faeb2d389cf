package dev.mimg.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** MIMG_CONNECT_TIMEOUT and MIMG_READ_TIMEOUT: seconds or Go durations, defaults, and the messages they lead to. */
class TimeoutsTest {

  @Test
  void defaultsAreTenSecondsToConnectAndAMinuteOfSilence() {
    assertThat(Timeouts.fromEnvironment(Map.of())).isEqualTo(Timeouts.DEFAULT);
    assertThat(Timeouts.DEFAULT.connect()).isEqualTo(Duration.ofSeconds(10));
    assertThat(Timeouts.DEFAULT.read()).isEqualTo(Duration.ofSeconds(60));
    assertThat(Timeouts.fromEnvironment(Map.of(Timeouts.READ_ENV, " "))).isEqualTo(Timeouts.DEFAULT);
  }

  @Test
  void eachVariableSetsItsOwnLimit() {
    Timeouts timeouts = Timeouts.fromEnvironment(Map.of(Timeouts.CONNECT_ENV, "3", Timeouts.READ_ENV, "2m"));
    assertThat(timeouts).isEqualTo(new Timeouts(Duration.ofSeconds(3), Duration.ofMinutes(2)));
  }

  @ParameterizedTest(name = "{0} -> {1} ms")
  @CsvSource(delimiter = '|', textBlock = """
            90      | 90000
            1.5     | 1500
            0       | 0
            90s     | 90000
            2m      | 120000
            1m30s   | 90000
            1h      | 3600000
            500ms   | 500
            1.5s    | 1500
            .5s     | 500
            2500us  | 2
            """)
  void secondsOrGoDurations(String text, long millis) {
    assertThat(Timeouts.parse("X", text).toMillis()).isEqualTo(millis);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ten", "10x", "1m30", "5 s", "1..5s", "s", "."})
  void anythingElseIsOneLineNamingTheVariable(String text) {
    assertThatThrownBy(() -> Timeouts.fromEnvironment(Map.of(Timeouts.READ_ENV, text)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("invalid MIMG_READ_TIMEOUT \"" + text + "\": expected seconds (60) or a duration such as 90s, "
          + "2m, 1m30s or 500ms");
  }

  @Test
  void negativeAndHugeValuesAreRejected() {
    assertThatThrownBy(() -> Timeouts.parse(Timeouts.CONNECT_ENV, "-5"))
        .hasMessage("invalid MIMG_CONNECT_TIMEOUT \"-5\": a timeout cannot be negative (0 means no limit)");
    assertThatThrownBy(() -> Timeouts.parse(Timeouts.CONNECT_ENV, "999999999999h"))
        .hasMessage("invalid MIMG_CONNECT_TIMEOUT \"999999999999h\": too long");
  }

  @Test
  void zeroMeansNoLimit() {
    Timeouts none = Timeouts.fromEnvironment(Map.of(Timeouts.CONNECT_ENV, "0", Timeouts.READ_ENV, "0s"));
    assertThat(none.limitsConnect()).isFalse();
    assertThat(none.limitsRead()).isFalse();
    assertThat(Timeouts.DEFAULT.limitsConnect()).isTrue();
    assertThat(Timeouts.DEFAULT.limitsRead()).isTrue();
  }

  @Test
  void messagesNameThePeerWhatWasDoneAndTheVariable() {
    assertThat(Timeouts.DEFAULT.readTimedOut("the registry 127.0.0.1:5999", "while fetching manifest x:1"))
        .isEqualTo("the registry 127.0.0.1:5999 sent nothing for 60 s while fetching manifest x:1 "
          + "(MIMG_READ_TIMEOUT raises the limit)");
    assertThat(Timeouts.DEFAULT.connectTimedOut("the registry 10.0.0.1:5000", ""))
        .isEqualTo("could not connect to the registry 10.0.0.1:5000 within 10 s (MIMG_CONNECT_TIMEOUT raises the limit)");
  }

  @Test
  void durationsForMessages() {
    assertThat(Timeouts.describe(Duration.ofMillis(300))).isEqualTo("300 ms");
    assertThat(Timeouts.describe(Duration.ofSeconds(5))).isEqualTo("5 s");
    assertThat(Timeouts.describe(Duration.ofMillis(1500))).isEqualTo("1.5 s");
    assertThat(Timeouts.describe(Duration.ofMinutes(2))).isEqualTo("120 s");
    assertThat(Timeouts.describe(Duration.ZERO)).isEqualTo("0 ms");
  }
}
