package dev.mimg.model;

import java.util.Set;

/** Operating systems and architectures Go (and therefore containerd) knows about. */
final class KnownPlatformNames {

    private static final Set<String> OPERATING_SYSTEMS = Set.of(
            "aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js",
            "linux", "nacl", "netbsd", "openbsd", "plan9", "solaris", "windows", "zos");

    private static final Set<String> ARCHITECTURES = Set.of(
            "386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "ppc64", "ppc64le",
            "loong64", "mips", "mipsle", "mips64", "mips64le", "mips64p32", "mips64p32le", "ppc",
            "riscv", "riscv64", "s390", "s390x", "sparc", "sparc64", "wasm");

    private KnownPlatformNames() {
    }

    static boolean isKnownOs(String normalizedOs) {
        return OPERATING_SYSTEMS.contains(normalizedOs);
    }

    static boolean isKnownArchitecture(String normalizedArchitecture) {
        return ARCHITECTURES.contains(normalizedArchitecture);
    }
}
