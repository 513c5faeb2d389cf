package dev.mimg.store.oci;

import dev.mimg.model.Descriptor;
import dev.mimg.model.HostDefaultMatcher;
import dev.mimg.model.ImageIndex;
import dev.mimg.model.Platform;
import dev.mimg.model.PlatformMatcher;
import dev.mimg.store.StoreException;
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
    List<Descriptor> images = index.manifests().stream()
        .filter(d -> !d.isAttestation() && d.declaredPlatform().filter(p -> !p.isUnknown()).isPresent()).toList();
    if (platform != null) {
      PlatformMatcher strict = PlatformMatcher.strict(platform);
      return images.stream().filter(d -> strict.matches(d.declaredPlatform().orElseThrow())).findFirst()
          .orElseThrow(() -> lacks(subject, platform.toString(), images));
    }
    return HostDefaultMatcher.forHost(host).best(images, d -> d.declaredPlatform().orElseThrow())
        .orElseThrow(() -> lacks(subject, host + " (the host's default)", images));
  }

  private static StoreException lacks(String subject, String wanted, List<Descriptor> images) {
    String listed = images.stream().map(d -> d.declaredPlatform().orElseThrow().toString())
        .collect(Collectors.joining(", "));
    return new StoreException(subject + " has no platform " + wanted + " (its index lists: "
        + (listed.isEmpty() ? "none" : listed) + ")");
  }
}
