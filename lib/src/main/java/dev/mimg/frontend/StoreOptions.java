package dev.mimg.frontend;

import dev.mimg.query.Stores;
import dev.mimg.store.ImageStore;
import dev.mimg.store.fleet.FleetStore;
import java.io.PrintWriter;

/**
 * The options that pick the store, for every front end (the CLI and the Groovy side): {@code -H HOST},
 * {@code --store SPEC} and {@code --context NAME} (both repeatable), {@code --all-contexts} and
 * {@code --store-timeout}, resolved as {@link Stores} does, its notices told on stderr. Several stores make a fleet;
 * a command on a fleet some of whose stores failed exits {@link CommandLines#PARTIAL} ({@link #exitCode}).
 */
public final class StoreOptions {

  /** {@code -H HOST}: the Docker engine (given before or after the subcommand). */
  public static final Option HOST = new Option(java.util.List.of("-H", "--host"), Option.Arity.VALUE, "HOST",
      "Docker engine to use, e.g. unix:///var/run/docker.sock or tcp://host:2376 (default: DOCKER_HOST, "
          + "DOCKER_CONTEXT, the current context, the default socket)", null, true);
  /** {@code --store SPEC}: engine[:HOST], oci:DIR, registry:HOST[/PREFIX] or containerd:...; repeated, a fleet. */
  public static final Option STORE = new Option(java.util.List.of("--store"), Option.Arity.LIST, "STORE",
      "Store to use: engine, engine:HOST, oci:DIR, registry:HOST[/PREFIX] or containerd[:SOCKET][?namespace=NS] "
          + "(default socket /run/containerd/containerd.sock, namespace k8s.io; containerd:engine, the engine's own) "
          + "(default: MIMG_STORE, "
          + "else the engine as -H finds it, else "
          + "when no engine is configured or running the per-user OCI layout); repeatable: a fleet", null, true);
  /** {@code --context NAME}: a docker context's engine; repeated, a fleet. */
  public static final Option CONTEXT = new Option(java.util.List.of("--context"), Option.Arity.LIST, "NAME",
      "Docker context to use (as docker --context); repeatable, and with --store: a fleet", null, true);
  /** {@code --all-contexts}: a fleet of every docker context. */
  public static final Option ALL_CONTEXTS = new Option(java.util.List.of("--all-contexts"), Option.Arity.FLAG, null,
      "A fleet of every docker context (docker context ls), with any --store given", null, true);
  /** {@code --store-timeout DURATION}: how long each store of a fleet may take to answer. */
  public static final Option STORE_TIMEOUT = new Option(java.util.List.of("--store-timeout"), Option.Arity.VALUE,
      "DURATION", "In a fleet, how long each store may take to answer, e.g. 10s (default: MIMG_STORE_TIMEOUT, else "
          + "30s; 0: no limit)", null, true);

  private static final String FLEET_CLASS = "dev.mimg.store.fleet.FleetStore";

  private final String host;
  private final java.util.List<String> storeSpecs;
  private final java.util.List<String> contexts;
  private final boolean allContexts;
  private final java.time.Duration timeout;
  private boolean userLayout;

  /** The store options of a parsed command line. */
  public StoreOptions(Invocation invocation) {
    this.host = invocation.value(HOST.key());
    this.storeSpecs = invocation.values(STORE.key());
    this.contexts = invocation.values(CONTEXT.key());
    this.allContexts = invocation.flag(ALL_CONTEXTS.key());
    String limit = invocation.value(STORE_TIMEOUT.key());
    this.timeout = limit == null ? null : dev.mimg.model.Timeouts.parse("--store-timeout", limit);
  }

  /** {@code command} taking the store options, for itself and its subcommands. */
  public static Command on(Command command) {
    return command.inherited(HOST).inherited(STORE).inherited(CONTEXT).inherited(ALL_CONTEXTS)
        .inherited(STORE_TIMEOUT);
  }

  /** Opens the store (or fleet) for reading (a missing {@code oci:DIR} is an error). */
  public ImageStore open(PrintWriter err) {
    return Stores.select(storeSpecs, contexts, allContexts, host, false, timeout, notice(err));
  }

  /** Opens the store for a pull, which may create a new {@code oci:DIR}. */
  public ImageStore openForWriting(PrintWriter err) {
    return Stores.select(storeSpecs, contexts, allContexts, host, true, timeout, notice(err));
  }

  /**
   * The exit code of a command that ended with {@code code} on {@code store}: on a fleet some of whose stores failed
   * or did not answer, {@link CommandLines#PARTIAL} (every store: {@link CommandLines#FAILED}); otherwise
   * {@code code}.
   */
  public static int exitCode(ImageStore store, int code) {
    // compared by name first so that a single store's command never loads the fleet's classes (start-up)
    if (code != CommandLines.OK || !store.getClass().getName().equals(FLEET_CLASS)
        || !(store instanceof FleetStore fleet) || !fleet.failed()) {
      return code;
    }
    return fleet.failures().size() >= fleet.members().size() ? CommandLines.FAILED : CommandLines.PARTIAL;
  }

  /** The stores these options name, as a log line tells it: the specs, contexts or host given, else MIMG_STORE's. */
  public String named() {
    java.util.List<String> named = new java.util.ArrayList<>(storeSpecs);
    contexts.forEach(context -> named.add("context " + context));
    if (allContexts) {
      named.add("every docker context");
    }
    if (host != null) {
      named.add(host);
    }
    String fromEnv = System.getenv("MIMG_STORE");
    if (named.isEmpty() && fromEnv != null && !fromEnv.isBlank()) {
      named.add(fromEnv);
    }
    return named.isEmpty() ? "the default store (the engine as docker finds it)" : String.join(", ", named);
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
