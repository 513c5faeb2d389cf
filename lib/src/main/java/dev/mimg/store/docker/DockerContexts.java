package dev.mimg.store.docker;

import dev.mimg.model.Json;
import dev.mimg.model.JsonException;
import dev.mimg.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The docker CLI's contexts as its context store keeps them: {@code contexts/meta/<sha256 of name>/meta.json} under
 * the docker config directory (Name, Endpoints.docker.Host), TLS material in {@code contexts/tls/<id>/docker}; and
 * the context called {@code default}, which is DOCKER_HOST or the default socket.
 */
public final class DockerContexts {

  /** The name of the context the docker CLI always has. */
  public static final String DEFAULT = "default";

  private DockerContexts() {
  }

  /** The endpoint of the context called {@code name} ({@code default}: DOCKER_HOST, else the default socket). */
  public static EngineEndpoint endpoint(String name, Map<String, String> env, Path configDir) {
    if (name.equals(DEFAULT)) {
      String host = env.get("DOCKER_HOST");
      return host == null || host.isBlank()
          ? new EngineEndpoint(EngineEndpoint.DEFAULT_HOST, null, false, "context default", true)
          : EngineEndpoint.resolve(host, env, configDir);
    }
    return EngineEndpoint.fromContext(name, configDir, "--context " + name);
  }

  /**
   * Every context's name, sorted, {@code default} among them when DOCKER_HOST is set or the default socket exists
   * (as {@code docker context ls} lists it).
   */
  public static List<String> names(Map<String, String> env, Path configDir, Path defaultSocket) {
    List<String> names = new ArrayList<>();
    String host = env.get("DOCKER_HOST");
    if (host != null && !host.isBlank() || Files.exists(defaultSocket)) {
      names.add(DEFAULT);
    }
    Path meta = configDir.resolve("contexts").resolve("meta");
    if (Files.isDirectory(meta)) {
      try (Stream<Path> dirs = Files.list(meta)) {
        for (Path file : dirs.map(dir -> dir.resolve("meta.json")).filter(Files::isRegularFile).toList()) {
          String name = Json.parse(Files.readAllBytes(file)).path("Name").asText("");
          if (!name.isEmpty() && !names.contains(name)) {
            names.add(name);
          }
        }
      } catch (IOException | JsonException e) {
        throw new StoreException("cannot read the docker contexts in " + meta + ": " + e.getMessage());
      }
    }
    names.sort(String::compareTo);
    return names;
  }
}
