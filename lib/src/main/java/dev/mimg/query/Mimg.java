package dev.mimg.query;

import dev.mimg.store.ImageStore;

/** The DSL's one static entry point: {@code import static dev.mimg.query.Mimg.*;} then {@code images()...}. */
public final class Mimg {

  private Mimg() {
  }

  /** A query over the default store (the engine found as the docker CLI finds it). */
  public static ImageQuery images() {
    return images(Stores.defaultStore());
  }

  /** A query over the given store. */
  public static ImageQuery images(ImageStore store) {
    return new ImageQuery(store);
  }
}
