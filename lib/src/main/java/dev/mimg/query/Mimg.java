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

  /**
   * A query over a fleet of stores, asked in parallel with a time limit each ({@code MIMG_STORE_TIMEOUT}, default
   * 30 s): every image labelled with its store ({@link dev.mimg.model.Image#store()}, its {@code describe()}), a
   * store that fails one notice; removals are planned and carried out store by store.
   */
  public static ImageQuery images(ImageStore first, ImageStore... more) {
    if (more.length == 0) {
      return images(first);
    }
    java.util.List<ImageStore> stores = new java.util.ArrayList<>(java.util.List.of(first));
    stores.addAll(java.util.List.of(more));
    return images(Stores.fleet(stores));
  }

  /**
   * The fleet these specs name ({@code engine:HOST}, {@code oci:DIR}, {@code registry:HOST}...), each store named by
   * its spec: {@code images(fleet("engine:unix:///a.sock", "oci:/srv/layout"))}.
   */
  public static ImageStore fleet(String... specs) {
    return Stores.select(java.util.List.of(specs), java.util.List.of(), false, null, false, null, notice -> { });
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
