package dev.mimg.shell;

import dev.mimg.query.ImageQuery;
import dev.mimg.query.Mimg;
import dev.mimg.query.Stores;
import dev.mimg.store.ImageStore;
import groovy.lang.Script;

/**
 * The base class of every mimg Groovy script and shell line: {@code images()} queries the store the runner was
 * given (the engine found as the CLI finds it, unless a test or {@code -H} chose another), {@code images(store)}
 * any other, {@code store("...")} opens one by Docker host.
 */
public abstract class MimgScript extends Script {

  /** The binding variable that holds the default store. */
  public static final String STORE = "mimgStore";

  /** A query over the runner's store. */
  public ImageQuery images() {
    return Mimg.images((ImageStore) getBinding().getVariable(STORE));
  }

  /** A query over the given store. */
  public ImageQuery images(ImageStore store) {
    return Mimg.images(store);
  }

  /** The Docker engine at a host URL such as {@code unix:///var/run/docker.sock}. */
  public ImageStore store(String host) {
    return Stores.engine(host);
  }
}
