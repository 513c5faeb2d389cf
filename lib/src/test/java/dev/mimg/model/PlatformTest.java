package dev.mimg.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlatformTest {

  private static final Platform LINUX_AMD64_HOST = Platform.of("linux", "amd64", "");

  @ParameterizedTest(name = "{0} -> shown {1}, normalized {2}, matches {3}")
  @CsvSource(delimiter = '|', textBlock = """
            # input            | formatted (as given) | normalized     | strictly matches
            linux/amd64        | linux/amd64          | linux/amd64    | linux/x86_64
            linux/x86_64       | linux/x86_64         | linux/amd64    | linux/amd64
            linux/x86-64       | linux/x86-64         | linux/amd64    | linux/amd64/v1
            linux/amd64/v1     | linux/amd64/v1       | linux/amd64    | linux/amd64
            linux/amd64/v3     | linux/amd64/v3       | linux/amd64/v3 | linux/x86_64/v3
            linux/i386         | linux/i386           | linux/386      | linux/386
            linux/386          | linux/386            | linux/386      | linux/i386
            linux/arm64        | linux/arm64          | linux/arm64    | linux/arm64/v8
            linux/arm64/v8     | linux/arm64/v8       | linux/arm64    | linux/aarch64
            linux/aarch64/8    | linux/aarch64/8      | linux/arm64    | linux/arm64
            linux/arm64/v8.0   | linux/arm64/v8.0     | linux/arm64    | linux/arm64/v8
            linux/arm64/9      | linux/arm64/9        | linux/arm64/v9 | linux/arm64/v9.0
            linux/arm          | linux/arm            | linux/arm/v7   | linux/arm/v7
            linux/arm/7        | linux/arm/7          | linux/arm/v7   | linux/armhf
            linux/arm/v7       | linux/arm/v7         | linux/arm/v7   | linux/arm
            linux/arm/v6       | linux/arm/v6         | linux/arm/v6   | linux/armel
            linux/arm/6        | linux/arm/6          | linux/arm/v6   | linux/arm/v6
            linux/arm/5        | linux/arm/5          | linux/arm/v5   | linux/arm/v5
            linux/arm/8        | linux/arm/8          | linux/arm/v8   | linux/arm/v8
            linux/armhf        | linux/armhf          | linux/arm/v7   | linux/arm/7
            linux/armel        | linux/armel          | linux/arm/v6   | linux/arm/6
            LINUX/AMD64        | linux/amd64          | linux/amd64    | linux/amd64
            Linux/ARM64/V8     | linux/arm64/v8       | linux/arm64    | linux/arm64
            macos/arm64        | macos/arm64          | darwin/arm64   | darwin/aarch64
            windows/amd64      | windows/amd64        | windows/amd64  | windows/x86_64
            linux/ppc64le      | linux/ppc64le        | linux/ppc64le  | linux/ppc64le
            linux/s390x        | linux/s390x          | linux/s390x    | linux/s390x
            linux/riscv64      | linux/riscv64        | linux/riscv64  | linux/riscv64
            unknown/unknown    | unknown/unknown      | unknown/unknown| unknown/unknown
            arm64              | linux/arm64          | linux/arm64    | linux/arm64/v8
            aarch64            | linux/aarch64        | linux/arm64    | linux/arm64
            armhf              | linux/armhf          | linux/arm/v7   | linux/arm/v7
            i386               | linux/i386           | linux/386      | linux/386
            s390x              | linux/s390x          | linux/s390x    | linux/s390x
            linux              | linux/amd64          | linux/amd64    | linux/amd64
            windows            | windows/amd64        | windows/amd64  | windows/amd64
            macos              | macos/amd64          | darwin/amd64   | darwin/amd64
            FreeBSD            | freebsd/amd64        | freebsd/amd64  | freebsd/amd64
            """)
  void parsesFormatsNormalizesAndMatches(String input, String formatted, String normalized, String matching) {
    Platform platform = Platform.parse(input, LINUX_AMD64_HOST);

    assertThat(platform.toString()).isEqualTo(formatted);
    assertThat(platform.normalize().toString()).isEqualTo(normalized);
    assertThat(platform.normalize().normalize()).isEqualTo(platform.normalize());
    assertThat(platform.matches(Platform.parse(matching, LINUX_AMD64_HOST))).isTrue();
    assertThat(Platform.parse(matching, LINUX_AMD64_HOST).matches(platform)).isTrue();
  }

  @ParameterizedTest(name = "{0} does not match {1}")
  @CsvSource(delimiter = '|', textBlock = """
            linux/arm/v7   | linux/arm/v6
            linux/arm      | linux/arm/v6
            linux/armhf    | linux/armel
            linux/arm64    | linux/arm/v8
            linux/arm64    | linux/arm64/v9
            linux/amd64    | linux/386
            linux/amd64    | linux/amd64/v2
            linux/amd64    | windows/amd64
            linux/amd64    | darwin/amd64
            unknown/unknown| linux/amd64
            """)
  void strictMatchRejectsMerelyCompatiblePlatforms(String left, String right) {
    assertThat(Platform.parse(left).matches(Platform.parse(right))).isFalse();
    assertThat(Platform.parse(right).matches(Platform.parse(left))).isFalse();
  }

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
            ''                     | invalid platform "": specifier is empty
            linux/                 | invalid platform "linux/": architecture is empty
            /amd64                 | invalid platform "/amd64": os is empty
            linux/amd64/           | invalid platform "linux/amd64/": variant is empty
            linux//v7              | invalid platform "linux//v7": architecture is empty
            /                      | invalid platform "/": os is empty
            linux/arm/v7/extra     | invalid platform "linux/arm/v7/extra": expected os, arch, os/arch or os/arch/variant
            foo                    | invalid platform "foo": unknown operating system or architecture
            v7                     | invalid platform "v7": unknown operating system or architecture
            linux/am d64           | invalid platform "linux/am d64": architecture may only contain letters, digits, '_', '.' and '-'
            linux/arm64@v8         | invalid platform "linux/arm64@v8": architecture may only contain letters, digits, '_', '.' and '-'
            lin:ux/amd64           | invalid platform "lin:ux/amd64": os may only contain letters, digits, '_', '.' and '-'
            linux/arm/v7+          | invalid platform "linux/arm/v7+": variant may only contain letters, digits, '_', '.' and '-'
            amd64*                 | invalid platform "amd64*": specifier may only contain letters, digits, '_', '.' and '-'
            """)
  void rejectsInvalidSpecifiersWithOneLineMessage(String input, String message) {
    assertThatThrownBy(() -> Platform.parse(input, LINUX_AMD64_HOST))
        .isInstanceOf(InvalidInputException.class)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void rejectsNullSpecifier() {
    assertThatThrownBy(() -> Platform.parse(null)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void newlineInSpecifierIsEscapedSoTheMessageStaysOnOneLine() {
    assertThatThrownBy(() -> Platform.parse("linux/amd64\n"))
        .hasMessage("invalid platform \"linux/amd64\\u000a\": architecture may only contain letters, digits, '_', '.' and '-'")
        .extracting(Throwable::getMessage).asString().doesNotContain("\n");
  }

  @Test
  void singleOsComponentTakesArchitectureAndVariantFromHost() {
    Platform armHost = Platform.of("linux", "arm", "v6");

    assertThat(Platform.parse("linux", armHost)).isEqualTo(Platform.of("linux", "arm", "v6"));
    assertThat(Platform.parse("arm64", armHost)).isEqualTo(Platform.of("linux", "arm64", ""));
  }

  @Test
  void parseWithoutHostUsesJvmHost() {
    assertThat(Platform.parse("linux")).isEqualTo(Platform.of("linux", Platform.host().architecture(), Platform.host().variant()));
    assertThat(Platform.parse("arm64")).isEqualTo(Platform.of("linux", "arm64", ""));
  }

  @Test
  void ofTurnsNullVariantIntoEmptyString() {
    Platform platform = Platform.of("linux", "amd64", null);

    assertThat(platform.variant()).isEmpty();
    assertThat(platform).isEqualTo(Platform.of("linux", "amd64", ""));
    assertThat(platform).hasToString("linux/amd64");
  }

  @Test
  void recordEqualityIsAsDeclaredWhileMatchesIsNormalized() {
    Platform declared = Platform.of("linux", "arm64", "v8");
    Platform plain = Platform.of("linux", "arm64", "");

    assertThat(declared).isNotEqualTo(plain);
    assertThat(declared.matches(plain)).isTrue();
    assertThat(declared.matches(null)).isFalse();
  }

  @Test
  void unknownIsOnlyUnknownUnknown() {
    assertThat(Platform.of("unknown", "unknown", "").isUnknown()).isTrue();
    assertThat(Platform.of("linux", "unknown", "").isUnknown()).isFalse();
    assertThat(Platform.of("unknown", "amd64", "").isUnknown()).isFalse();
  }

  @Test
  void hostIsNormalized() {
    Platform host = Platform.host();

    assertThat(host).isEqualTo(host.normalize());
    assertThat(host.os()).isNotEmpty();
    assertThat(host.architecture()).isNotEmpty();
  }
}
