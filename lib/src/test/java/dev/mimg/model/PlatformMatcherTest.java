package dev.mimg.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlatformMatcherTest {

  @ParameterizedTest(name = "host {0}, candidate {1}: strict={2}, hostDefault rank={3}")
  @CsvSource(delimiter = '|', textBlock = """
            # host          | candidate        | strict | hostDefault rank
            linux/amd64     | linux/amd64      | true   | 0
            linux/amd64     | linux/x86_64     | true   | 0
            linux/amd64     | linux/386        | false  | 1
            linux/amd64     | linux/arm64      | false  | -1
            linux/amd64     | windows/amd64    | false  | -1
            linux/amd64     | unknown/unknown  | false  | -1
            linux/amd64/v3  | linux/amd64/v3   | true   | 0
            linux/amd64/v3  | linux/amd64/v2   | false  | 1
            linux/amd64/v3  | linux/amd64      | false  | 2
            linux/amd64/v3  | linux/386        | false  | 3
            linux/amd64/v2  | linux/amd64/v3   | false  | -1
            linux/arm64     | linux/arm64      | true   | 0
            linux/arm64     | linux/arm64/v8   | true   | 0
            linux/arm64/v8  | linux/arm64      | true   | 0
            linux/arm64     | linux/arm/v8     | false  | 1
            linux/arm64     | linux/arm/v7     | false  | 2
            linux/arm64     | linux/arm        | false  | 2
            linux/arm64     | linux/arm/v6     | false  | 3
            linux/arm64     | linux/arm/v5     | false  | 4
            linux/arm64     | linux/amd64      | false  | -1
            linux/arm64     | linux/arm64/v9   | false  | -1
            linux/arm/v7    | linux/arm/v7     | true   | 0
            linux/arm/v7    | linux/arm/v6     | false  | 1
            linux/arm/v7    | linux/arm/v5     | false  | 2
            linux/arm/v7    | linux/arm/v8     | false  | -1
            linux/arm/v7    | linux/arm64      | false  | -1
            linux/arm/v6    | linux/arm/v7     | false  | -1
            linux/arm/v6    | linux/arm/v5     | false  | 1
            linux/arm/v5    | linux/arm/v6     | false  | -1
            linux/386       | linux/amd64      | false  | -1
            linux/ppc64le   | linux/ppc64le    | true   | 0
            linux/ppc64le   | linux/amd64      | false  | -1
            """)
  void strictAndHostDefaultDiffer(String host, String candidate, boolean strict, int rank) {
    Platform hostPlatform = Platform.parse(host);
    Platform candidatePlatform = Platform.parse(candidate);

    assertThat(PlatformMatcher.strict(hostPlatform).matches(candidatePlatform)).isEqualTo(strict);
    HostDefaultMatcher hostDefault = PlatformMatcher.hostDefault(hostPlatform);
    assertThat(hostDefault.rank(candidatePlatform)).isEqualTo(rank);
    assertThat(hostDefault.matches(candidatePlatform)).isEqualTo(rank >= 0);
  }

  @Test
  void preferenceOrderListsHostThenFallbacks() {
    assertThat(PlatformMatcher.hostDefault(Platform.parse("linux/aarch64")).preferenceOrder())
        .extracting(Platform::toString)
        .containsExactly("linux/arm64", "linux/arm/v8", "linux/arm/v7", "linux/arm/v6", "linux/arm/v5");
    assertThat(PlatformMatcher.hostDefault(Platform.parse("linux/x86_64")).preferenceOrder())
        .extracting(Platform::toString)
        .containsExactly("linux/amd64", "linux/386");
    assertThat(PlatformMatcher.hostDefault(Platform.parse("linux/armhf")).preferenceOrder())
        .extracting(Platform::toString)
        .containsExactly("linux/arm/v7", "linux/arm/v6", "linux/arm/v5");
    assertThat(PlatformMatcher.hostDefault(Platform.parse("linux/s390x")).preferenceOrder())
        .extracting(Platform::toString)
        .containsExactly("linux/s390x");
  }

  @Test
  void strictAcceptsAnyOfSeveralPlatforms() {
    PlatformMatcher matcher = PlatformMatcher.strict(List.of(Platform.parse("linux/amd64"), Platform.parse("linux/arm/v7")));

    assertThat(matcher.matches(Platform.parse("linux/x86_64"))).isTrue();
    assertThat(matcher.matches(Platform.parse("linux/arm"))).isTrue();
    assertThat(matcher.matches(Platform.parse("linux/arm/v6"))).isFalse();
    assertThat(matcher.matches(Platform.parse("linux/386"))).isFalse();
    assertThat(matcher.matches(null)).isFalse();
  }

  @Test
  void strictWithNothingMatchesNothing() {
    assertThat(PlatformMatcher.strict().matches(Platform.parse("linux/amd64"))).isFalse();
  }

  @Test
  void bestPicksExactHostPlatformOverFallbacksAndIgnoresAttestations() {
    List<Platform> candidates = List.of(
        Platform.parse("unknown/unknown"), Platform.parse("linux/386"),
        Platform.parse("linux/arm64"), Platform.parse("linux/amd64"));

    HostDefaultMatcher amd64 = PlatformMatcher.hostDefault(Platform.parse("linux/amd64"));
    assertThat(amd64.best(candidates, Function.identity())).contains(Platform.parse("linux/amd64"));
    assertThat(amd64.best(List.of(Platform.parse("unknown/unknown"), Platform.parse("linux/386")), Function.identity()))
        .contains(Platform.parse("linux/386"));
    assertThat(amd64.best(List.of(Platform.parse("linux/arm64")), Function.identity())).isEmpty();
  }

  @Test
  void bestOnArm64PrefersHigherArmVariant() {
    List<Platform> candidates = List.of(Platform.parse("linux/arm/v6"), Platform.parse("linux/arm/v7"), Platform.parse("linux/amd64"));

    assertThat(PlatformMatcher.hostDefault(Platform.parse("linux/arm64")).best(candidates, Function.identity()))
        .contains(Platform.parse("linux/arm/v7"));
  }

  @Test
  void comparatorSortsBestFirstAndUnacceptableLast() {
    HostDefaultMatcher arm64 = PlatformMatcher.hostDefault(Platform.parse("linux/arm64"));
    List<Platform> sorted = List.of(
            Platform.parse("linux/amd64"), Platform.parse("linux/arm/v5"),
            Platform.parse("linux/arm64/v8"), Platform.parse("linux/arm/v7"))
        .stream().sorted(arm64.comparator()).toList();

    assertThat(sorted).extracting(Platform::toString)
        .containsExactly("linux/arm64/v8", "linux/arm/v7", "linux/arm/v5", "linux/amd64");
  }
}
