package dev.mimg.store.oci;

import dev.mimg.model.Descriptor;
import dev.mimg.model.HostDefaultMatcher;
import dev.mimg.model.ImageIndex;
import dev.mimg.model.Platform;
import dev.mimg.model.PlatformMatcher;
import dev.mimg.store.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Picks the child of an index to pull: the one of an asked platform (strict match, as the engine), or the host's
 * default (containerd's fallbacks, e.g. 386 on amd64) when none is asked. Attestations are never picked.
 */
final class ChildChooser {

  private ChildChooser() {
  }

  /** The child for {@code platform} (null: the host default); a platform the index lacks is a one-line error. */
  static Descriptor choose(ImageIndex index, Platform platform, Platform host, String subject) {
    List<Descriptor> images = images(index);
    if (platform != null) {
      PlatformMatcher strict = PlatformMatcher.strict(platform);
      return images.stream().filter(d -> strict.matches(d.declaredPlatform().orElseThrow())).findFirst()
          .orElseThrow(() -> lacks(subject, platform.toString(), images));
    }
    return HostDefaultMatcher.forHost(host).best(images, d -> d.declaredPlatform().orElseThrow())
        .orElseThrow(() -> lacks(subject, host + " (the host's default)", images));
  }

  /**
   * One child per platform the index lists, in index order (what {@code --all-platforms} pulls): the first of each
   * platform, as {@link #choose} would pick it; an index without one is a one-line error.
   */
  static List<Descriptor> everyPlatform(ImageIndex index, Platform host, String subject) {
    List<Descriptor> images = images(index);
    List<Descriptor> chosen = new ArrayList<>();
    for (Descriptor child : images) {
      PlatformMatcher strict = PlatformMatcher.strict(child.declaredPlatform().orElseThrow());
      if (chosen.stream().noneMatch(d -> strict.matches(d.declaredPlatform().orElseThrow()))) {
        chosen.add(child);
      }
    }
    if (chosen.isEmpty()) {
      throw lacks(subject, host + " (the host's default)", images);
    }
    return chosen;
  }

  /** The children that are images of a known platform (no attestations). */
  private static List<Descriptor> images(ImageIndex index) {
    return index.manifests().stream()
        .filter(d -> !d.isAttestation() && d.declaredPlatform().filter(p -> !p.isUnknown()).isPresent()).toList();
  }

  private static StoreException lacks(String subject, String wanted, List<Descriptor> images) {
    String listed = images.stream().map(d -> d.declaredPlatform().orElseThrow().toString())
        .collect(Collectors.joining(", "));
    return new StoreException(subject + " has no platform " + wanted + " (its index lists: "
        + (listed.isEmpty() ? "none" : listed) + ")");
  }
}
