package dev.mimg.store.containerd;

import dev.mimg.model.Digest;
import dev.mimg.model.Json;
import dev.mimg.store.ImageStore;
import dev.mimg.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * dockerd's namespace ({@code moby}): containerd holds it, but only the daemon may change it (Docker's docs reserve
 * it), so changes go through the engine whose {@code docker info} names this socket and namespace: the one
 * {@code engine=HOST} names, else the one the docker CLI would use. Found once, on the first listing or change.
 */
final class DockerNamespace {

  private final ContainerdSpec spec;
  private final Function<String, EngineAccess> engines;
  private Optional<EngineAccess> engine;
  private String why;

  /** {@code engines}: the engine at a host (null: the one the docker CLI would use). */
  DockerNamespace(ContainerdSpec spec, Function<String, EngineAccess> engines) {
    this.spec = spec;
    this.engines = engines;
  }

  /** The engine that owns the namespace, if one is found. */
  synchronized Optional<EngineAccess> engine() {
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
      for (Json container : store.get("/containers/json?all=1")) {
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
  ImageStore engineOrRefuse() {
    return engine().orElseThrow(() -> new StoreException(refusal())).store();
  }

  /** What the plan says about who carries out its changes. */
  String planNotice() {
    return engine().map(e -> "containerd namespace " + spec.namespace() + " is dockerd's (read-only through "
        + "containerd): these changes go through the engine API of " + e.store().describe())
        .orElseGet(this::refusal);
  }

  private String refusal() {
    return "containerd namespace " + spec.namespace() + " on " + spec.socket() + " is dockerd's and read-only here, "
        + "and " + why + ": changes go through the engine API (add engine=HOST to the store, or use --store engine)";
  }

  private Optional<EngineAccess> find() {
    EngineAccess store;
    try {
      store = engines.apply(spec.engine());
    } catch (RuntimeException e) {
      why = "no engine is configured (" + e.getMessage() + ")";
      return Optional.empty();
    }
    try {
      Json info = store.get("/info");
      String address = info.path("Containerd").path("Address").asText("");
      String namespace = info.path("Containerd").path("Namespaces").path("Containers").asText("");
      if (sameFile(Path.of(address), spec.socket()) && spec.namespace().equals(namespace)) {
        return Optional.of(store);
      }
      why = "the " + store.store().describe() + " uses containerd "
          + (address.isEmpty() ? "(none named)" : address + " namespace " + namespace);
    } catch (RuntimeException e) {
      why = "no engine answers: " + e.getMessage();
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
      engine.ifPresent(EngineAccess::close);
    }
  }
}
