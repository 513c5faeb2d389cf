package dev.mimg.query;

import dev.mimg.model.InvalidInputException;
import dev.mimg.model.Platform;
import java.util.Arrays;
import java.util.List;

/**
 * The platforms of query steps, with containerd's names checked: where a platform only filters, an unknown one
 * gets a warning naming the nearest known one; where it says what to keep, it is an error, since a typo there
 * would remove what the user meant to keep.
 */
final class Platforms {

  private Platforms() {
  }

  /** Platforms that select: unknown names are warned about ({@link Mimg#warnings}) and kept. */
  static List<Platform> filter(String... specs) {
    List<Platform> platforms = Arrays.stream(specs).map(Platform::parse).toList();
    platforms.forEach(p -> p.unknownPart().ifPresent(problem -> Mimg.warn(problem + "; it matches nothing")));
    return platforms;
  }

  /** Platforms to keep: an unknown name is an {@link InvalidInputException}; so is an empty keep-set. */
  static List<Platform> keep(String... specs) {
    if (specs.length == 0) {
      throw new InvalidInputException("a keep-set needs at least one platform");
    }
    List<Platform> platforms = Arrays.stream(specs).map(Platform::parse).toList();
    for (Platform platform : platforms) {
      platform.unknownPart().ifPresent(problem -> {
        throw new InvalidInputException("invalid platform to keep: " + problem + "; nothing changed");
      });
    }
    return platforms;
  }
}
