package dev.mimg.query;

import dev.mimg.model.InvalidInputException;
import dev.mimg.registry.RegistryClient;
import dev.mimg.store.ImageStore;
import dev.mimg.store.ReadOnlyStore;
import dev.mimg.store.docker.ApiVersion;
import dev.mimg.store.docker.DockerContexts;
import dev.mimg.store.docker.DockerEngineStore;
import dev.mimg.store.docker.EngineEndpoint;
import dev.mimg.store.oci.AbsentLayoutStore;
import dev.mimg.store.oci.OciLayout;
import dev.mimg.store.oci.OciLayoutStore;
import dev.mimg.store.fleet.FleetStore;
import dev.mimg.store.registry.RegistryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Finds the store to use, first match wins: {@code --store SPEC}, {@code -H HOST}, {@code MIMG_STORE}, the engine
 * that DOCKER_HOST / DOCKER_CONTEXT / the current context names, the default socket when it exists; only when no
 * engine is configured or present, the per-user OCI layout under the XDG data directory (with a notice; created
 * by the first pull, never by a read). A SPEC is
 * {@code engine}, {@code engine:HOST} (a Docker host URL) or {@code oci:DIR}. An engine that was named and cannot
 * be reached is an error, never a silent fallback. DOCKER_API_VERSION pins the engine's API version. Several stores
 * named at once ({@code --store} repeated, {@code --context} repeated, {@code --all-contexts}) make a fleet
 * ({@link #select(List, List, boolean, String, boolean, Duration, Consumer)}).
 */
public final class Stores {

  /** The start of the notice told when no engine is configured or running and the per-user layout is used. */
  public static final String USER_LAYOUT_NOTICE = "no Docker engine configured or running; using the OCI layout ";

  private Stores() {
  }

  /** The default store (no flags), telling notices to standard error as {@code mimg: notice: ...}. */
  public static ImageStore defaultStore() {
    return select(null, null, false, notice -> System.err.println("mimg: notice: " + notice));
  }

  /**
   * The store the flags, the environment and the machine name (see the class doc). {@code forWriting} lets an
   * {@code oci:DIR} that does not exist yet be created (a pull); otherwise a missing layout is an error.
   */
  public static ImageStore select(String storeSpec, String hostFlag, boolean forWriting, Consumer<String> notices) {
    return select(storeSpec, hostFlag, forWriting, notices, System.getenv(),
        Path.of(EngineEndpoint.DEFAULT_HOST.getPath()));
  }

  /**
   * The store, or the fleet, that these name: {@code specs} ({@code --store}, repeatable), docker {@code contexts}
   * ({@code --context}, repeatable), every context ({@code allContexts}) and {@code hostFlag} ({@code -H}). One store
   * named, or none, is exactly {@link #select(String, String, boolean, Consumer)} (a lone context as DOCKER_CONTEXT
   * names it); more, or {@code allContexts}, make a fleet whose members are named by their spec or context and asked
   * within {@code timeout} each (null: {@link FleetStore#TIMEOUT_ENV} or the default).
   */
  public static ImageStore select(List<String> specs, List<String> contexts, boolean allContexts, String hostFlag,
      boolean forWriting, Duration timeout, Consumer<String> notices) {
    Map<String, String> env = System.getenv();
    Path configDir = EngineEndpoint.dockerConfigDir(env);
    Path defaultSocket = Path.of(EngineEndpoint.DEFAULT_HOST.getPath());
    List<String> named = new ArrayList<>(contexts);
    if (allContexts) {
      DockerContexts.names(env, configDir, defaultSocket).stream().filter(n -> !named.contains(n)).forEach(named::add);
    }
    if (!allContexts && specs.size() + named.size() <= 1) {
      if (named.isEmpty()) {
        return select(specs.isEmpty() ? null : specs.get(0), hostFlag, forWriting, notices);
      }
      if (hostFlag != null && !hostFlag.isBlank()) {
        throw new InvalidInputException("--context and -H both name an engine: give one");
      }
      return engine(DockerContexts.endpoint(named.get(0), env, configDir));
    }
    if (hostFlag != null && !hostFlag.isBlank()) {
      throw new InvalidInputException("-H names one engine; in a fleet name it --store engine:" + hostFlag);
    }
    if (named.isEmpty() && specs.isEmpty()) {
      throw new InvalidInputException("--all-contexts found no docker context in " + configDir
          + " and no default engine");
    }
    List<FleetStore.Member> members = new ArrayList<>();
    for (String spec : specs) {
      members.add(new FleetStore.Member(spec, open(spec, forWriting)));
    }
    for (String context : named) {
      members.add(new FleetStore.Member(context, engine(DockerContexts.endpoint(context, env, configDir))));
    }
    return new FleetStore(members, timeout != null ? timeout : FleetStore.timeout(env), FleetStore.parallelism(env));
  }

  /** The store seen through a dry run: every change refused (a fleet: every member). */
  public static ImageStore readOnly(ImageStore store) {
    return store.isReadOnly() ? store : store instanceof FleetStore fleet ? fleet.readOnly() : new ReadOnlyStore(store);
  }

  /** A fleet of these stores, each named by its {@link ImageStore#describe()}, with the limits of the environment. */
  public static FleetStore fleet(List<ImageStore> stores) {
    Map<String, String> env = System.getenv();
    return new FleetStore(stores.stream().map(store -> new FleetStore.Member(store.describe(), store)).toList(),
        FleetStore.timeout(env), FleetStore.parallelism(env));
  }

  /** {@link #select(String, String, boolean, Consumer)} with the environment and the default socket given. */
  static ImageStore select(String storeSpec, String hostFlag, boolean forWriting, Consumer<String> notices,
      Map<String, String> env, Path defaultSocket) {
    boolean hasSpec = storeSpec != null && !storeSpec.isBlank();
    if (hasSpec && hostFlag != null && !hostFlag.isBlank()) {
      throw new InvalidInputException("--store and -H both name a store: give one (--store engine:HOST is -H HOST)");
    }
    if (hasSpec) {
      return open(storeSpec, forWriting);
    }
    if (hostFlag != null && !hostFlag.isBlank()) {
      return engine(hostFlag);
    }
    String fromEnv = env.get("MIMG_STORE");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return open(fromEnv, forWriting);
    }
    EngineEndpoint endpoint = EngineEndpoint.resolve(null, env, EngineEndpoint.dockerConfigDir(env));
    if (endpoint.named() || Files.exists(defaultSocket)) {
      return engine(endpoint);
    }
    Path layout = userLayout(env);
    notices.accept(USER_LAYOUT_NOTICE + layout + " (--store engine:HOST or oci:DIR chooses another)");
    if (!forWriting && !Files.exists(layout)) {
      return new AbsentLayoutStore(layout);
    }
    return new OciLayoutStore(forWriting ? OciLayout.create(layout) : OciLayout.open(layout),
        dev.mimg.model.Platform.host());
  }

  /**
   * The store a SPEC names: {@code engine}, {@code engine:HOST}, {@code oci:DIR}, {@code registry:HOST[/PREFIX]} or
   * {@code containerd[:SOCKET][?namespace=NS]}.
   */
  public static ImageStore open(String spec, boolean forWriting) {
    if (spec.equals("engine")) {
      return engine((String) null);
    }
    if (spec.startsWith("engine:")) {
      return engine(spec.substring("engine:".length()));
    }
    if (spec.startsWith("oci:") && spec.length() > "oci:".length()) {
      Path dir = Path.of(spec.substring("oci:".length()));
      if (!forWriting && !Files.exists(dir)) {
        throw new InvalidInputException("no OCI image layout at " + dir + " (mimg pull --store " + spec
            + " creates one)");
      }
      return new OciLayoutStore(forWriting ? OciLayout.create(dir) : OciLayout.open(dir),
          dev.mimg.model.Platform.host());
    }
    if (spec.equals("containerd") || spec.startsWith("containerd:") || spec.startsWith("containerd?")) {
      return dev.mimg.store.containerd.ContainerdStore.open(spec.substring("containerd".length()),
          Stores::engineAccess);
    }
    if (spec.startsWith("registry:") && spec.length() > "registry:".length()) {
      return RegistryStore.open(spec.substring("registry:".length()), RegistryClient.fromEnvironment(),
          dev.mimg.model.Platform.host());
    }
    throw new InvalidInputException("invalid store \"" + spec
        + "\": expected engine, engine:HOST, oci:DIR, registry:HOST[/PREFIX] or containerd[:SOCKET][?namespace=NS]");
  }

  /** The engine at {@code host} (a Docker host URL), or the one the docker CLI would use when host is null. */
  public static ImageStore engine(String host) {
    Map<String, String> env = System.getenv();
    return engine(EngineEndpoint.resolve(host, env, EngineEndpoint.dockerConfigDir(env)));
  }

  private static ImageStore engine(EngineEndpoint endpoint) {
    String version = System.getenv("DOCKER_API_VERSION");
    return DockerEngineStore.connect(endpoint, version == null || version.isBlank() ? null : ApiVersion.parse(version));
  }

  /** The engine at {@code host} (null: the docker CLI's) as the containerd store asks it, on dockerd's namespace. */
  private static dev.mimg.store.containerd.EngineAccess engineAccess(String host) {
    DockerEngineStore store = (DockerEngineStore) engine(host);
    return new dev.mimg.store.containerd.EngineAccess() {
      @Override
      public ImageStore store() {
        return store;
      }

      @Override
      public dev.mimg.model.Json get(String path) {
        return store.client().get(path);
      }
    };
  }

  /** The per-user layout: {@code $XDG_DATA_HOME/mimg/store}, by default {@code ~/.local/share/mimg/store}. */
  static Path userLayout(Map<String, String> env) {
    return dev.mimg.model.UserDirs.data(env).resolve("store");
  }
}
