package dev.mimg.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Ranks platforms the way containerd picks a host's default platform: the exact host platform first,
 * then compatible fallbacks (amd64: 386; arm64: arm/v8, arm/v7, arm/v6, arm/v5; arm/v7: arm/v6, arm/v5).
 *
 * <p>Only for choosing what to pull by default; use {@link PlatformMatcher#strict} to select explicit platforms.
 */
public final class HostDefaultMatcher implements PlatformMatcher {

  private static final int LOWEST_ARM_VARIANT = 5;

  private final List<Platform> preferenceOrder;

  private HostDefaultMatcher(List<Platform> preferenceOrder) {
    this.preferenceOrder = List.copyOf(preferenceOrder);
  }

  /** Builds the matcher for the given host platform. */
  public static HostDefaultMatcher forHost(Platform host) {
    Platform h = host.normalize();
    List<Platform> order = new ArrayList<>();
    order.add(h);
    switch (h.architecture()) {
      case "amd64" -> {
        for (int level = amd64Level(h.variant()) - 1; level >= 2; level--) {
          order.add(Platform.of(h.os(), "amd64", "v" + level));
        }
        if (!h.variant().isEmpty()) {
          order.add(Platform.of(h.os(), "amd64", ""));
        }
        order.add(Platform.of(h.os(), "386", ""));
      }
      case "arm64" -> {
        if (h.variant().isEmpty()) {
          addArmVariantsFrom(order, h.os(), 8);
        }
      }
      case "arm" -> addArmVariantsFrom(order, h.os(), parseLevel(h.variant()) - 1);
      default -> {
        // no known compatible fallbacks
      }
    }
    return new HostDefaultMatcher(order);
  }

  /** The accepted platforms (normalized), best first. */
  public List<Platform> preferenceOrder() {
    return preferenceOrder;
  }

  /** 0 for the exact host platform, 1.. for fallbacks in order of preference, -1 when not acceptable. */
  public int rank(Platform platform) {
    return platform == null ? -1 : preferenceOrder.indexOf(platform.normalize());
  }

  /** True when the platform is the host platform or one of its compatible fallbacks. */
  @Override
  public boolean matches(Platform platform) {
    return rank(platform) >= 0;
  }

  /** Orders acceptable platforms best first; unacceptable ones sort last. */
  public Comparator<Platform> comparator() {
    return Comparator.comparingInt(p -> {
      int rank = rank(p);
      return rank < 0 ? Integer.MAX_VALUE : rank;
    });
  }

  /** Picks the item whose platform ranks best, or empty when none is acceptable. */
  public <T> Optional<T> best(Collection<T> items, Function<T, Platform> platformOf) {
    return items.stream()
        .filter(item -> matches(platformOf.apply(item)))
        .min(Comparator.comparing(platformOf, comparator()));
  }

  private static void addArmVariantsFrom(List<Platform> order, String os, int highest) {
    for (int level = highest; level >= LOWEST_ARM_VARIANT; level--) {
      order.add(Platform.of(os, "arm", "v" + level));
    }
  }

  private static int amd64Level(String variant) {
    return variant.isEmpty() ? 1 : parseLevel(variant);
  }

  /** "v7" -> 7; anything unrecognised -> 0, which yields no fallbacks. */
  private static int parseLevel(String variant) {
    if (variant.length() == 2 && variant.charAt(0) == 'v' && Character.isDigit(variant.charAt(1))) {
      return variant.charAt(1) - '0';
    }
    return 0;
  }
}
