package dev.mimg.query;

import dev.mimg.model.InvalidInputException;
import dev.mimg.model.Platform;
import dev.mimg.model.Reference;
import dev.mimg.store.PullEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A pull of one reference into a store, by mimg's rules (see {@link Puller}): built step by step
 * ({@code images().pull("alpine:3.16").platform("linux/arm64").run()}), carried out by {@link #run()}.
 */
public final class Pull {

  /** Which platforms a pull asks for. */
  enum Scope { DEFAULT, PLATFORMS, ALL }

  private final ImageQuery query;
  private final Reference reference;
  private final List<Platform> platforms;
  private final Scope scope;
  private final boolean resolve;
  private final Consumer<PullEvent> progress;

  Pull(ImageQuery query, Reference reference) {
    this(query, reference, List.of(), Scope.DEFAULT, false, event -> { });
  }

  private Pull(ImageQuery query, Reference reference, List<Platform> platforms, Scope scope, boolean resolve,
      Consumer<PullEvent> progress) {
    this.query = query;
    this.reference = reference;
    this.platforms = platforms;
    this.scope = scope;
    this.resolve = resolve;
    this.progress = progress;
  }

  /** These platforms (repeatable): pulled, or back-filled into a stored image from its stored index. */
  public Pull platform(String... specs) {
    if (specs.length == 0) {
      return this;
    }
    if (scope == Scope.ALL) {
      throw both();
    }
    List<Platform> all = new ArrayList<>(platforms);
    all.addAll(Platforms.filter(specs));
    return new Pull(query, reference, List.copyOf(all), Scope.PLATFORMS, resolve, progress);
  }

  /** Every platform the index lists. */
  public Pull allPlatforms() {
    if (scope == Scope.PLATFORMS) {
      throw both();
    }
    return new Pull(query, reference, List.of(), Scope.ALL, resolve, progress);
  }

  /** Re-resolve the tag first, even where the platforms could be back-filled from the stored index. */
  public Pull resolve() {
    return new Pull(query, reference, platforms, scope, true, progress);
  }

  /** Where the store's progress messages go (layers downloading, extracting). */
  public Pull progress(Consumer<PullEvent> sink) {
    return new Pull(query, reference, platforms, scope, resolve, sink);
  }

  /** Pulls; under a dry run, reports what it would pull and changes nothing. */
  public PullReport run() {
    query.store().repair();
    return new Puller(query.store(), progress).pull(reference, platforms, scope == Scope.ALL, resolve);
  }

  private static InvalidInputException both() {
    return new InvalidInputException("--all-platforms and --platform exclude each other: give one");
  }
}
