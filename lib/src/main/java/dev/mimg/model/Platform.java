package dev.mimg.model;

import java.util.Locale;
import java.util.Objects;

/**
 * An image platform ({@code os/architecture[/variant]}) exactly as declared; {@link #normalize()} gives containerd's canonical form.
 *
 * <p>The variant is never null: "no variant" is the empty string.
 */
public record Platform(String os, String architecture, String variant) {

  private static final String UNKNOWN_PART = "unknown";

  /** {@code unknown/unknown}: what indexes declare for attestation manifests, and stores show for no platform. */
  public static final Platform UNKNOWN = new Platform(UNKNOWN_PART, UNKNOWN_PART, "");

  /** Validates that os and architecture are present and turns a null variant into "". */
  public Platform {
    Objects.requireNonNull(os, "os");
    Objects.requireNonNull(architecture, "architecture");
    variant = variant == null ? "" : variant;
  }

  /** Creates a platform from its parts as given (a null variant means none). */
  public static Platform of(String os, String architecture, String variant) {
    return new Platform(os, architecture, variant);
  }

  /**
   * Parses a containerd specifier ({@code os}, {@code arch}, {@code os/arch}, {@code os/arch/variant}) relative to
   * {@link #host()}.
   */
  public static Platform parse(String specifier) {
    return parse(specifier, host());
  }

  /** Parses a containerd specifier, filling a missing os or architecture from the given host platform. */
  public static Platform parse(String specifier, Platform host) {
    return PlatformSpecifier.parse(specifier, host);
  }

  /** The platform of the running JVM, normalized (e.g. linux/amd64 on x86_64 Linux). */
  public static Platform host() {
    return HostPlatform.DETECTED;
  }

  /** Returns containerd's canonical form, e.g. aarch64 becomes arm64 and armhf becomes arm/v7. */
  public Platform normalize() {
    String normalizedOs = os.toLowerCase(Locale.ROOT);
    if (normalizedOs.equals("macos")) {
      normalizedOs = "darwin";
    }
    String arch = architecture.toLowerCase(Locale.ROOT);
    String var = variant.toLowerCase(Locale.ROOT);
    switch (arch) {
      case "i386" -> {
        arch = "386";
        var = "";
      }
      case "x86_64", "x86-64", "amd64" -> {
        arch = "amd64";
        var = var.equals("v1") ? "" : var;
      }
      case "aarch64", "arm64" -> {
        arch = "arm64";
        var = switch (var) {
          case "8", "v8", "v8.0" -> "";
          case "9", "9.0", "v9.0" -> "v9";
          default -> var;
        };
      }
      case "armhf" -> {
        arch = "arm";
        var = "v7";
      }
      case "armel" -> {
        arch = "arm";
        var = "v6";
      }
      case "arm" -> var = switch (var) {
        case "", "7" -> "v7";
        case "5", "6", "8" -> "v" + var;
        default -> var;
      };
      default -> {
        // other architectures are already canonical
      }
    }
    return new Platform(normalizedOs, arch, var);
  }

  /**
   * True when both platforms are identical after normalization (arm/v7 never matches arm/v6, amd64 never matches
   * 386).
   */
  public boolean matches(Platform other) {
    return other != null && normalize().equals(other.normalize());
  }

  /**
   * What is wrong with this platform as a user typed it, if containerd would not know its operating system or
   * architecture: e.g. {@code unknown architecture "amd46" in linux/amd46 (did you mean linux/amd64?)}.
   */
  public java.util.Optional<String> unknownPart() {
    Platform n = normalize();
    boolean osKnown = KnownPlatformNames.isKnownOs(n.os());
    boolean archKnown = KnownPlatformNames.isKnownArchitecture(n.architecture());
    if (osKnown && archKnown) {
      return java.util.Optional.empty();
    }
    Platform nearest = Platform.of(osKnown ? n.os() : KnownPlatformNames.nearestOs(n.os()),
        archKnown ? n.architecture() : KnownPlatformNames.nearestArchitecture(n.architecture()), n.variant());
    String what = !osKnown && !archKnown ? "unknown operating system \"" + os + "\" and architecture \""
        + architecture + "\"" : !osKnown ? "unknown operating system \"" + os + "\""
        : "unknown architecture \"" + architecture + "\"";
    return java.util.Optional.of(what + " in " + this + " (did you mean " + nearest + "?)");
  }

  /** True for {@code unknown/unknown}, the platform BuildKit gives attestation manifests. */
  public boolean isUnknown() {
    return os.equals(UNKNOWN_PART) && architecture.equals(UNKNOWN_PART);
  }

  /** Equal to a platform of the same os, architecture and variant as declared (written out: no record bootstrap). */
  @Override
  public boolean equals(Object other) {
    return other instanceof Platform platform && os.equals(platform.os)
        && architecture.equals(platform.architecture) && variant.equals(platform.variant);
  }

  /** Consistent with {@link #equals(Object)}. */
  @Override
  public int hashCode() {
    return (31 * os.hashCode() + architecture.hashCode()) * 31 + variant.hashCode();
  }

  /** Formats {@code os/architecture[/variant]} as declared, without normalizing (e.g. "linux/arm64/v8"). */
  @Override
  public String toString() {
    return variant.isEmpty() ? os + "/" + architecture : os + "/" + architecture + "/" + variant;
  }
}
