package dev.mimg.store.containerd;

import dev.mimg.model.Digest;
import dev.mimg.model.Json;
import dev.mimg.store.StoreException;
import dev.mimg.store.docker.DockerEngineStore;
import dev.mimg.store.docker.EngineEndpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * dockerd's namespace ({@code moby}): containerd holds it, but only the daemon may change it (Docker's docs reserve
 * it), so changes go through the engine whose {@code docker info} names this socket and namespace: the one
 * {@code engine=HOST} names, else the one the docker CLI would use. Found once, on the first change or plan.
 */
final class DockerNamespace {

  private final ContainerdSpec spec;
  private Optional<DockerEngineStore> engine;
  private String why;

  DockerNamespace(ContainerdSpec spec) {
    this.spec = spec;
  }

  /** The engine that owns the namespace, if one is found. */
  synchronized Optional<DockerEngineStore> engine() {
    if (engine == null) {
      engine = find();
    }
    return engine;
  }

  /**
   * Which of dockerd's containers use which manifest, as its engine says ({@code ImageManifestDescriptor}):
   * containerd holds dockerd's containers only as snapshots, which do not tell variants with the same layers apart.
   */
  Optional<Map<Digest, List<String>>> containersByManifest() {
    return engine().map(store -> {
      Map<Digest, List<String>> byManifest = new LinkedHashMap<>();
      for (Json container : store.client().get("/containers/json?all=1")) {
        String digest = container.path("ImageManifestDescriptor").path("digest").asText("");
        if (!digest.isEmpty()) {
          byManifest.computeIfAbsent(Digest.parse(digest), d -> new ArrayList<>())
              .add(container.path("Id").asText());
        }
      }
      return byManifest;
    });
  }

  /** The engine, or the one-line refusal saying why changes cannot be made. */
  DockerEngineStore engineOrRefuse() {
    return engine().orElseThrow(() -> new StoreException(refusal()));
  }

  /** What the plan says about who carries out its changes. */
  String planNotice() {
    return engine().map(e -> "containerd namespace " + spec.namespace() + " is dockerd's (read-only through "
        + "containerd): these changes go through the engine API of " + e.describe())
        .orElseGet(this::refusal);
  }

  private String refusal() {
    return "containerd namespace " + spec.namespace() + " on " + spec.socket() + " is dockerd's and read-only here, "
        + "and " + why + ": changes go through the engine API (add engine=HOST to the store, or use --store engine)";
  }

  private Optional<DockerEngineStore> find() {
    Map<String, String> env = System.getenv();
    EngineEndpoint endpoint = EngineEndpoint.resolve(spec.engine(), env, EngineEndpoint.dockerConfigDir(env));
    DockerEngineStore store = DockerEngineStore.connect(endpoint);
    try {
      Json info = store.client().get("/info");
      String address = info.path("Containerd").path("Address").asText("");
      String namespace = info.path("Containerd").path("Namespaces").path("Containers").asText("");
      if (sameFile(Path.of(address), spec.socket()) && spec.namespace().equals(namespace)) {
        return Optional.of(store);
      }
      why = "the engine at " + endpoint.host() + " uses containerd "
          + (address.isEmpty() ? "(none named)" : address + " namespace " + namespace);
    } catch (RuntimeException e) {
      why = "no engine answers at " + endpoint.host() + " (" + e.getMessage() + ")";
    }
    store.close();
    return Optional.empty();
  }

  /** True when both paths name the same file (a socket reached through a symlink included). */
  static boolean sameFile(Path a, Path b) {
    try {
      return a.toString().equals(b.toString()) || Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }

  synchronized void close() {
    if (engine != null) {
      engine.ifPresent(DockerEngineStore::close);
    }
  }
}
