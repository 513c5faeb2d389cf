package dev.mimg.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mimg.model.InvalidInputException;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The --filter parser every command shares: until values, unknown keys, malformed flags. */
class FiltersTest {

  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

  @ParameterizedTest
  @CsvSource({
      "24h, 2026-11-25T12:00:00Z",
      "90m, 2026-11-26T10:30:00Z",
      "1h30m, 2026-11-26T10:30:00Z",
      "1.5h, 2026-11-26T10:30:00Z",
      "10s, 2026-11-26T11:59:50Z",
      "2024-01-02, 2024-01-02T00:00:00Z",
      "2024-01-02T03:04:05Z, 2024-01-02T03:04:05Z",
      "1704164645, 2024-01-02T03:04:05Z"})
  void untilValues(String value, String expected) {
    assertThat(Filters.until(value, NOW)).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"yesterday", "24x", "", "2024-13-45"})
  void badUntilValuesAreOneLineErrors(String value) {
    assertThatThrownBy(() -> Filters.until(value, NOW)).isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("invalid filter \"until=" + value + "\"").hasMessageNotContaining("\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"colour=red", "until", "=x"})
  void unknownKeysAndMalformedFiltersAreErrors(String filter) {
    assertThatThrownBy(() -> Filters.apply(Mimg.images(new FakeStore(java.util.List.of())), java.util.List.of(filter),
        Filters.PRUNE_KEYS, NOW))
        .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("invalid filter \"" + filter + "\"");
  }
}
