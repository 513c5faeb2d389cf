package dev.mimg.model;

import java.util.Collection;
import java.util.List;

/** Decides whether an image platform is wanted. */
@FunctionalInterface
public interface PlatformMatcher {

  /** True when the given platform is wanted. */
  boolean matches(Platform platform);

  /** Matches platforms equal (after normalization) to one of the given ones; no arm/v6-for-arm/v7 style fallbacks. */
  static PlatformMatcher strict(Platform... wanted) {
    return strict(List.of(wanted));
  }

  /** Matches platforms equal (after normalization) to one of the given ones; an empty collection matches nothing. */
  static PlatformMatcher strict(Collection<Platform> wanted) {
    List<Platform> normalized = wanted.stream().map(Platform::normalize).toList();
    return platform -> platform != null && normalized.contains(platform.normalize());
  }

  /**
   * Matches what containerd would pull by default on the given host, including compatible fallbacks (e.g. 386 on
   * amd64).
   */
  static HostDefaultMatcher hostDefault(Platform host) {
    return HostDefaultMatcher.forHost(host);
  }
}
