package dev.mimg.store.containerd;

import dev.mimg.model.InvalidInputException;
import dev.mimg.model.Json;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * What {@code --store containerd[:SOCKET][?namespace=NS][&snapshotter=NAME]} names: the socket (default
 * {@value #DEFAULT_SOCKET}), the namespace (default {@value #DEFAULT_NAMESPACE}, Kubernetes' one) and, when given,
 * the snapshotter whose snapshots hold unpacked layers (else the one each image's config content names); on
 * dockerd's namespace, {@code engine=HOST} names the engine that carries out changes (else the one the docker CLI
 * would use, if its {@code docker info} names this socket). {@code containerd:engine} is the containerd that engine
 * names ({@link #ofEngine}).
 */
public record ContainerdSpec(Path socket, String namespace, String snapshotter, String engine) {

  /** containerd's own default socket. */
  public static final String DEFAULT_SOCKET = "/run/containerd/containerd.sock";
  /** The namespace the CRI (Kubernetes) keeps its images in. */
  public static final String DEFAULT_NAMESPACE = "k8s.io";
  /** The namespace dockerd keeps its images in (read-only here: changes go through the engine). */
  public static final String DOCKER_NAMESPACE = "moby";

  private static final String KEYS = "namespace=NS, snapshotter=NAME, engine=HOST";

  /** Parses what follows {@code containerd} in a store spec: empty, {@code :SOCKET}, then {@code ?KEY=VALUE&...}. */
  public static ContainerdSpec parse(String rest) {
    String whole = "containerd" + rest;
    int query = rest.indexOf('?');
    String location = query < 0 ? rest : rest.substring(0, query);
    if (!location.isEmpty() && !location.startsWith(":")) {
      throw invalid(whole, "expected containerd, containerd:SOCKET or containerd:SOCKET?namespace=NS");
    }
    String socket = location.isEmpty() ? "" : location.substring(1);
    if (socket.startsWith("unix://")) {
      socket = socket.substring("unix://".length());
    }
    if (socket.isEmpty()) {
      socket = DEFAULT_SOCKET;
    }
    String namespace = DEFAULT_NAMESPACE;
    String snapshotter = null;
    String engine = null;
    if (query >= 0) {
      for (String pair : rest.substring(query + 1).split("&", -1)) {
        int equals = pair.indexOf('=');
        String key = equals < 0 ? pair : pair.substring(0, equals);
        String value = equals < 0 ? "" : pair.substring(equals + 1);
        if (value.isEmpty()) {
          throw invalid(whole, "\"" + key + "\" needs a value (" + KEYS + ")");
        }
        switch (key) {
          case "namespace" -> namespace = checkedName(whole, value);
          case "snapshotter" -> snapshotter = checkedName(whole, value);
          case "engine" -> engine = value;
          default -> throw invalid(whole, "unknown parameter \"" + key + "\" (" + KEYS + ")");
        }
      }
    }
    return new ContainerdSpec(Path.of(socket), namespace, snapshotter, engine);
  }

  /**
   * What {@code containerd:engine[?KEY=VALUE&...]} names: the containerd the engine (its {@code engine=HOST}, else
   * the docker CLI's) says it uses in {@code GET /info} ({@code Containerd.Address}), and its namespace
   * ({@code Containerd.Namespaces.Containers}, {@code moby}) unless {@code namespace=} names another.
   */
  public static ContainerdSpec ofEngine(String query, Function<String, EngineAccess> engines) {
    ContainerdSpec given = parse(query);
    Json containerd;
    try (EngineAccess engine = engines.apply(given.engine())) {
      containerd = engine.get("/info").path("Containerd");
    }
    String address = containerd.path("Address").asText("");
    if (address.isEmpty()) {
      throw invalid("containerd:engine" + query, "the engine does not name its containerd (GET /info has no "
          + "Containerd.Address: an engine older than API 1.46, or not on containerd)");
    }
    String namespace = query.contains("namespace=") ? given.namespace()
        : containerd.path("Namespaces").path("Containers").asText(DOCKER_NAMESPACE);
    return new ContainerdSpec(Path.of(address.replaceFirst("^unix://", "")), namespace, given.snapshotter(),
        given.engine());
  }

  /** True for dockerd's namespace, which only the daemon changes. */
  public boolean isDockers() {
    return DOCKER_NAMESPACE.equals(namespace);
  }

  /** {@code containerd unix:///run/containerd/containerd.sock namespace k8s.io}, for notices. */
  public String describe() {
    return "containerd unix://" + socket + " namespace " + namespace;
  }

  /** containerd's namespace and snapshotter names: letters, digits, '.', '_', '-' (it refuses others). */
  private static String checkedName(String whole, String value) {
    if (!value.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw invalid(whole, "\"" + value + "\" is no containerd name (letters, digits, '.', '_', '-')");
    }
    return value;
  }

  private static InvalidInputException invalid(String whole, String problem) {
    return InvalidInputException.of("invalid store", whole, problem);
  }
}
