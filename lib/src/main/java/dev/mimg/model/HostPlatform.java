package dev.mimg.model;

import java.util.Locale;

/** Derives the container platform of the running JVM from the {@code os.name} and {@code os.arch} properties. */
final class HostPlatform {

  static final Platform DETECTED = fromJvmProperties(System.getProperty("os.name", ""),
      System.getProperty("os.arch", ""));

  private HostPlatform() {
  }

  static Platform fromJvmProperties(String osName, String osArch) {
    return Platform.of(goOs(osName), goArch(osArch), "").normalize();
  }

  private static String goOs(String osName) {
    String name = osName.toLowerCase(Locale.ROOT);
    if (name.startsWith("windows")) {
      return "windows";
    }
    if (name.startsWith("mac") || name.startsWith("darwin")) {
      return "darwin";
    }
    if (name.startsWith("sunos")) {
      return "solaris";
    }
    return name.replace(" ", "");
  }

  private static String goArch(String osArch) {
    String arch = osArch.toLowerCase(Locale.ROOT);
    return switch (arch) {
      case "x86", "i486", "i586", "i686" -> "386";
      case "loongarch64" -> "loong64";
      default -> arch;
    };
  }
}
