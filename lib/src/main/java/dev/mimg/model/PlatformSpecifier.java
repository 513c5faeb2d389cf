package dev.mimg.model;

import java.util.Locale;
import java.util.regex.Pattern;

/** Parses containerd platform specifiers: {@code os}, {@code arch}, {@code os/arch} or {@code os/arch/variant}. */
final class PlatformSpecifier {

  private static final Pattern COMPONENT = Pattern.compile("[A-Za-z0-9_.-]+");
  private static final String[] PART_NAMES = {"os", "architecture", "variant"};
  /** Architecture-only specifiers target Linux images, as on any Docker host. */
  private static final String DEFAULT_OS_FOR_ARCH_ONLY = "linux";

  private PlatformSpecifier() {
  }

  static Platform parse(String specifier, Platform host) {
    if (specifier == null || specifier.isEmpty()) {
      throw InvalidInputException.of("invalid platform", "", "specifier is empty");
    }
    String[] parts = specifier.split("/", -1);
    if (parts.length > 3) {
      throw invalid(specifier, "expected os, arch, os/arch or os/arch/variant");
    }
    for (int i = 0; i < parts.length; i++) {
      String name = parts.length == 1 ? "specifier" : PART_NAMES[i];
      if (parts[i].isEmpty()) {
        throw invalid(specifier, name + " is empty");
      }
      if (!COMPONENT.matcher(parts[i]).matches()) {
        throw invalid(specifier, name + " may only contain letters, digits, '_', '.' and '-'");
      }
      parts[i] = parts[i].toLowerCase(Locale.ROOT);
    }
    return switch (parts.length) {
      case 1 -> parseSingle(specifier, parts[0], host);
      case 2 -> Platform.of(parts[0], parts[1], "");
      default -> Platform.of(parts[0], parts[1], parts[2]);
    };
  }

  private static Platform parseSingle(String specifier, String component, Platform host) {
    Platform asOs = Platform.of(component, host.architecture(), host.variant());
    if (KnownPlatformNames.isKnownOs(asOs.normalize().os())) {
      return asOs;
    }
    Platform asArch = Platform.of(DEFAULT_OS_FOR_ARCH_ONLY, component, "");
    if (KnownPlatformNames.isKnownArchitecture(asArch.normalize().architecture())) {
      return asArch;
    }
    throw invalid(specifier, "unknown operating system or architecture");
  }

  private static InvalidInputException invalid(String specifier, String problem) {
    return InvalidInputException.of("invalid platform", specifier, problem);
  }
}
