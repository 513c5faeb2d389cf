package dev.mimg.store.containerd;

import dev.mimg.model.Json;
import dev.mimg.store.ImageStore;

/**
 * The Docker engine as the containerd store needs it on dockerd's namespace: the store that carries out changes and
 * its API for {@code /info} and {@code /containers/json}. Supplied by the layer that opens stores (stores do not use
 * each other).
 */
public interface EngineAccess extends AutoCloseable {

  /** The engine as an image store. */
  ImageStore store();

  /** {@code GET path} on the engine's API. */
  Json get(String path);

  @Override
  default void close() {
    store().close();
  }
}
