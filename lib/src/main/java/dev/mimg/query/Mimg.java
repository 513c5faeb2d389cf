package dev.mimg.query;

import dev.mimg.store.ImageStore;
import java.util.function.Consumer;

/** The DSL's one static entry point: {@code import static dev.mimg.query.Mimg.*;} then {@code images()...}. */
public final class Mimg {

  private static volatile Consumer<String> warnings = warning -> System.err.println("mimg: warning: " + warning);

  private Mimg() {
  }

  /**
   * A query over the default store: MIMG_STORE, else the engine found as the docker CLI finds it, else (no engine
   * configured or running) the per-user OCI layout; see {@link Stores}.
   */
  public static ImageQuery images() {
    return images(Stores.defaultStore());
  }

  /** A query over the given store. */
  public static ImageQuery images(ImageStore store) {
    return new ImageQuery(store);
  }

  /** The store a spec names: {@code engine}, {@code engine:HOST} or {@code oci:DIR} (created when missing). */
  public static ImageStore store(String spec) {
    return Stores.open(spec, true);
  }

  /**
   * The variants of {@code reference} as its registry holds them (attestations included), pulling nothing: each
   * with its digest, platform and content size (manifest + config + layers).
   */
  public static java.util.List<dev.mimg.model.RemoteVariant> remote(String reference) {
    return dev.mimg.store.registry.RemoteVariants.of(dev.mimg.model.Reference.parse(reference),
        dev.mimg.registry.RegistryClient.fromEnvironment());
  }

  /** Where the DSL's warnings go (e.g. an unknown platform in a filter); by default standard error. */
  public static void warnings(Consumer<String> sink) {
    warnings = sink;
  }

  static void warn(String warning) {
    warnings.accept(warning);
  }
}
