package dev.mimg.store.docker;

import dev.mimg.model.Json;
import dev.mimg.model.JsonErrors;
import dev.mimg.model.JsonException;
import dev.mimg.store.StoreException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a Docker engine listens and how to reach it, resolved as the docker CLI does:
 * {@code -H}, then DOCKER_HOST, then DOCKER_CONTEXT or the current context of {@code config.json}, then the
 * default socket. {@code named} is true when the user chose the engine (anything but the default socket).
 */
public record EngineEndpoint(URI host, Path tlsDir, boolean tlsVerify, String source, boolean named) {

  /** The socket the docker CLI uses when nothing else is configured. */
  public static final URI DEFAULT_HOST = URI.create("unix:///var/run/docker.sock");

  /** Resolves the endpoint from an explicit host flag (may be null), the environment and the docker config dir. */
  public static EngineEndpoint resolve(String hostFlag, Map<String, String> env, Path dockerConfigDir) {
    if (hostFlag != null && !hostFlag.isBlank()) {
      return fromHost(hostFlag, env, dockerConfigDir, "-H " + hostFlag);
    }
    String dockerHost = env.get("DOCKER_HOST");
    if (dockerHost != null && !dockerHost.isBlank()) {
      return fromHost(dockerHost, env, dockerConfigDir, "DOCKER_HOST=" + dockerHost);
    }
    String context = env.get("DOCKER_CONTEXT");
    String contextSource = "DOCKER_CONTEXT=" + context;
    if (context == null || context.isBlank()) {
      context = currentContext(dockerConfigDir);
      contextSource = "context \"" + context + "\" of " + dockerConfigDir.resolve("config.json");
    }
    if (context != null && !context.isBlank() && !context.equals("default")) {
      return fromContext(context, dockerConfigDir, contextSource);
    }
    return new EngineEndpoint(DEFAULT_HOST, null, false, "the default socket " + DEFAULT_HOST.getPath(), false);
  }

  /** The docker config directory: DOCKER_CONFIG or ~/.docker. */
  public static Path dockerConfigDir(Map<String, String> env) {
    return dev.mimg.model.UserDirs.dockerConfig(env);
  }

  /** True when this endpoint is reached over ssh ({@code ssh://[user@]host[:port]}, dial-stdio). */
  public boolean usesSsh() {
    return host.getScheme().equals("ssh");
  }

  /** True when this endpoint speaks TLS. */
  public boolean usesTls() {
    return tlsDir != null;
  }

  private static EngineEndpoint fromHost(String host, Map<String, String> env, Path configDir, String source) {
    URI uri = parseHost(host, source);
    boolean verify = isSet(env.get("DOCKER_TLS_VERIFY"));
    String certPath = env.get("DOCKER_CERT_PATH");
    Path tlsDir = null;
    if (uri.getScheme().equals("tcp") && (verify || (certPath != null && !certPath.isBlank()))) {
      tlsDir = certPath != null && !certPath.isBlank() ? Path.of(certPath) : configDir;
    }
    return new EngineEndpoint(uri, tlsDir, verify, source, true);
  }

  /** The endpoint the docker context called {@code name} names ({@code source}: where the name came from). */
  static EngineEndpoint fromContext(String name, Path configDir, String source) {
    String id = sha256Hex(name);
    Path meta = configDir.resolve("contexts").resolve("meta").resolve(id).resolve("meta.json");
    if (!Files.isRegularFile(meta)) {
      throw new StoreException("docker context \"" + name + "\" (" + source + ") not found: no " + meta);
    }
    Json endpoint;
    try {
      endpoint = Json.parse(Files.readAllBytes(meta)).path("Endpoints").path("docker");
    } catch (IOException | JsonException e) {
      throw new StoreException("cannot read docker context \"" + name + "\" at " + meta + ": " + JsonErrors.oneLine(e));
    }
    String host = endpoint.path("Host").asText("");
    if (host.isEmpty()) {
      throw new StoreException("docker context \"" + name + "\" has no docker endpoint host (" + meta + ")");
    }
    URI uri = parseHost(host, source);
    Path tls = configDir.resolve("contexts").resolve("tls").resolve(id).resolve("docker");
    boolean hasTls = uri.getScheme().equals("tcp") && Files.isDirectory(tls);
    boolean verify = hasTls && !endpoint.path("SkipTLSVerify").asBoolean(false);
    return new EngineEndpoint(uri, hasTls ? tls : null, verify, source, true);
  }

  private static URI parseHost(String host, String source) {
    URI uri;
    try {
      uri = URI.create(host.contains("://") ? host : "tcp://" + host);
    } catch (IllegalArgumentException e) {
      throw new StoreException("invalid Docker host \"" + host + "\" (" + source + ")");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme();
    switch (scheme) {
      case "unix":
        return uri;
      case "tcp":
        return checkTcp(uri, host, source);
      case "http":
        return checkTcp(URI.create("tcp://" + uri.getRawAuthority()), host, source);
      case "ssh":
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
          throw new StoreException("invalid Docker host \"" + host + "\" (" + source + "): expected "
              + "ssh://[user@]host[:port]");
        }
        return uri;
      default:
        throw new StoreException("unsupported Docker host \"" + host + "\" (" + source
            + "): use unix:///path/to/docker.sock or tcp://HOST:PORT");
    }
  }

  /** A tcp host must name a host and, if it names a port, one from 1 to 65535. */
  private static URI checkTcp(URI uri, String host, String source) {
    String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
    int colon = authority.lastIndexOf(':');
    String port = colon < 0 || authority.endsWith("]") ? "" : authority.substring(colon + 1);
    if (!port.isEmpty() && !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new StoreException("invalid Docker host \"" + host + "\" (" + source + "): the port \"" + port
          + "\" is not a number");
    }
    if (!port.isEmpty() && (port.length() > 5 || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535)) {
      throw new StoreException("invalid Docker host \"" + host + "\" (" + source + "): port " + port
          + " is out of range (1 to 65535)");
    }
    if (uri.getHost() == null) {
      throw new StoreException("invalid Docker host \"" + host + "\" (" + source + "): no host name");
    }
    return uri;
  }

  private static String currentContext(Path configDir) {
    Path config = configDir.resolve("config.json");
    if (!Files.isRegularFile(config)) {
      return null;
    }
    try {
      return Json.parse(Files.readAllBytes(config)).path("currentContext").asText(null);
    } catch (IOException | JsonException e) {
      throw new StoreException("cannot read " + config + ": " + JsonErrors.oneLine(e));
    }
  }

  private static boolean isSet(String flag) {
    return flag != null && !flag.isBlank() && !flag.equals("0") && !flag.equalsIgnoreCase("false");
  }

  private static String sha256Hex(String text) {
    return dev.mimg.model.Digest.sha256Of(text.getBytes(StandardCharsets.UTF_8)).hex();
  }
}
