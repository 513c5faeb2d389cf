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

  /** Those images are built for, most common first: they win ties. */
  private static final java.util.List<String> COMMON = java.util.List.of(
      "linux", "windows", "amd64", "arm64", "arm", "386", "ppc64le", "s390x", "riscv64");

  /** The known operating system nearest to {@code os} (fewest edits; ties: the common ones, then alphabetically). */
  static String nearestOs(String os) {
    return nearest(os, OPERATING_SYSTEMS);
  }

  /** The known architecture nearest to {@code architecture} (fewest edits; ties as for {@link #nearestOs}). */
  static String nearestArchitecture(String architecture) {
    return nearest(architecture, ARCHITECTURES);
  }

  private static String nearest(String word, Set<String> known) {
    return known.stream().sorted()
        .min(java.util.Comparator.comparingInt((String candidate) -> distance(word, candidate))
            .thenComparingInt(candidate -> COMMON.contains(candidate) ? COMMON.indexOf(candidate)
                : COMMON.size()))
        .orElseThrow();
  }

  /** Levenshtein distance, with a swap of two neighbours counting as one edit ("amd46" is one from "amd64"). */
  private static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      for (int j = 0; j <= b.length(); j++) {
        if (i == 0 || j == 0) {
          d[i][j] = i + j;
          continue;
        }
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
