package dev.mimg.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostPlatformTest {

  @ParameterizedTest(name = "os.name={0} os.arch={1} -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
            Linux       | amd64       | linux/amd64
            Linux       | x86_64      | linux/amd64
            Linux       | aarch64     | linux/arm64
            Linux       | arm         | linux/arm/v7
            Linux       | x86         | linux/386
            Linux       | i686        | linux/386
            Linux       | ppc64le     | linux/ppc64le
            Linux       | s390x       | linux/s390x
            Linux       | riscv64     | linux/riscv64
            Linux       | loongarch64 | linux/loong64
            Mac OS X    | aarch64     | darwin/arm64
            Mac OS X    | x86_64      | darwin/amd64
            Windows 11  | amd64       | windows/amd64
            Windows Server 2022 | amd64 | windows/amd64
            FreeBSD     | amd64       | freebsd/amd64
            SunOS       | sparcv9     | solaris/sparcv9
            """)
  void mapsJvmPropertiesToNormalizedPlatform(String osName, String osArch, String expected) {
    assertThat(HostPlatform.fromJvmProperties(osName, osArch)).hasToString(expected);
  }
}
