package dev.mimg.frontend;

import dev.mimg.query.Stores;
import dev.mimg.store.ImageStore;
import java.io.PrintWriter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The options that pick the store, for every front end (the CLI and the Groovy side): {@code -H HOST} and
 * {@code --store engine|engine:HOST|oci:DIR}, resolved as {@link Stores} does, its notices told on stderr.
 */
public final class StoreOptions {

  @Option(names = {"-H", "--host"}, scope = ScopeType.INHERIT, paramLabel = "HOST",
      description = "Docker engine to use, e.g. unix:///var/run/docker.sock or tcp://host:2376 "
          + "(default: DOCKER_HOST, DOCKER_CONTEXT, the current context, the default socket)")
  String host;

  @Option(names = "--store", scope = ScopeType.INHERIT, paramLabel = "STORE",
      description = "Store to use: engine, engine:HOST or oci:DIR (default: MIMG_STORE, else the engine as -H finds "
          + "it, else when no engine is configured or running the per-user OCI layout)")
  String storeSpec;

  private boolean userLayout;

  /** Opens the store for reading (a missing {@code oci:DIR} is an error). */
  public ImageStore open(PrintWriter err) {
    return Stores.select(storeSpec, host, false, notice(err));
  }

  /** Opens the store for a pull, which may create a new {@code oci:DIR}. */
  public ImageStore openForWriting(PrintWriter err) {
    return Stores.select(storeSpec, host, true, notice(err));
  }

  /** True when no store was named and no engine found: the store opened is the per-user OCI layout. */
  public boolean openedUserLayout() {
    return userLayout;
  }

  private java.util.function.Consumer<String> notice(PrintWriter err) {
    return notice -> {
      userLayout |= notice.startsWith(Stores.USER_LAYOUT_NOTICE);
      err.println("mimg: notice: " + notice);
    };
  }
}
