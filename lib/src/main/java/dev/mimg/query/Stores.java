package dev.mimg.query;

import dev.mimg.store.ImageStore;
import dev.mimg.store.docker.ApiVersion;
import dev.mimg.store.docker.DockerEngineStore;
import dev.mimg.store.docker.EngineEndpoint;
import java.util.Map;

/** Finds the store to use: an explicit engine host, else the engine the docker CLI would use (DOCKER_API_VERSION pins the API). */
public final class Stores {

  private Stores() {
  }

  /** The engine named by DOCKER_HOST, DOCKER_CONTEXT, the current context, or the default socket. */
  public static ImageStore defaultStore() {
    return engine(null);
  }

  /** The engine at {@code host} (a Docker host URL), or the default one when host is null. */
  public static ImageStore engine(String host) {
    Map<String, String> env = System.getenv();
    String version = env.get("DOCKER_API_VERSION");
    return DockerEngineStore.connect(EngineEndpoint.resolve(host, env, EngineEndpoint.dockerConfigDir(env)),
        version == null || version.isBlank() ? null : ApiVersion.parse(version));
  }
}
