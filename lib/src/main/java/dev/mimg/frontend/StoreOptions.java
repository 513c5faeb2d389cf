package dev.mimg.frontend;

import dev.mimg.query.Stores;
import dev.mimg.store.ImageStore;
import java.io.PrintWriter;

/**
 * The options that pick the store, for every front end (the CLI and the Groovy side): {@code -H HOST} and
 * {@code --store engine|engine:HOST|oci:DIR}, resolved as {@link Stores} does, its notices told on stderr.
 */
public final class StoreOptions {

  /** {@code -H HOST}: the Docker engine (given before or after the subcommand). */
  public static final Option HOST = new Option(java.util.List.of("-H", "--host"), Option.Arity.VALUE, "HOST",
      "Docker engine to use, e.g. unix:///var/run/docker.sock or tcp://host:2376 (default: DOCKER_HOST, "
          + "DOCKER_CONTEXT, the current context, the default socket)", null, true);
  /** {@code --store SPEC}: engine, engine:HOST, oci:DIR or registry:HOST[/PREFIX]. */
  public static final Option STORE = new Option(java.util.List.of("--store"), Option.Arity.VALUE, "STORE",
      "Store to use: engine, engine:HOST, oci:DIR, registry:HOST[/PREFIX] or containerd[:SOCKET][?namespace=NS] "
          + "(default socket /run/containerd/containerd.sock, namespace k8s.io) (default: MIMG_STORE, "
          + "else the engine as -H finds it, else "
          + "when no engine is configured or running the per-user OCI layout)", null, true);

  private final String host;
  private final String storeSpec;
  private boolean userLayout;

  /** The store options of a parsed command line. */
  public StoreOptions(Invocation invocation) {
    this.host = invocation.value(HOST.key());
    this.storeSpec = invocation.value(STORE.key());
  }

  /** {@code command} taking {@code -H} and {@code --store}, for itself and its subcommands. */
  public static Command on(Command command) {
    return command.inherited(HOST).inherited(STORE);
  }

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
