package dev.mimg.query;

import dev.mimg.model.Image;
import dev.mimg.model.Platform;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The pulls of a query: each matching tagged image pulled again by its first tag, for the platforms it is given. */
final class Pulls {

  private Pulls() {
  }

  static List<PullReport> each(ImageQuery query, Function<Image, List<Platform>> platforms) {
    Puller puller = new Puller(query.store(), event -> { });
    return query.list().stream().filter(image -> !image.tags().isEmpty())
        .map(image -> query.isDryRun() ? Puller.wouldPull(image.tags().get(0), Optional.of(image),
            platforms.apply(image))
            : puller.pull(image.tags().get(0), platforms.apply(image), false, false)).toList();
  }
}
