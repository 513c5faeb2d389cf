package dev.mimg.registry;

import dev.mimg.model.Json;
import dev.mimg.model.JsonException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Registry logins as the docker CLI finds them in {@code config.json}: {@code credHelpers} for the registry, else
 * {@code credsStore}, else {@code auths} (Docker Hub under its legacy {@code https://index.docker.io/v1/} key too).
 * Helpers run as {@code docker-credential-NAME get}; errors name the file or the helper, never a secret.
 */
public final class DockerConfigCredentials implements CredentialSource {

  /** The key docker uses for Docker Hub in {@code auths} and when asking helpers. */
  public static final String DOCKER_HUB_SERVER = "https://index.docker.io/v1/";

  private final Path dir;

  /** Credentials from {@code dockerConfigDir/config.json}. */
  public DockerConfigCredentials(Path dockerConfigDir) {
    this.dir = dockerConfigDir;
  }

  /** Credentials from {@code $DOCKER_CONFIG/config.json}, or {@code ~/.docker/config.json} without it. */
  public static DockerConfigCredentials fromEnvironment(Map<String, String> env) {
    return new DockerConfigCredentials(dev.mimg.model.UserDirs.dockerConfig(env));
  }

  /** The server address docker stores and asks helpers for: Docker Hub's legacy URL, else the domain itself. */
  public static String serverAddress(String domain) {
    return domain.equals("docker.io") ? DOCKER_HUB_SERVER : domain;
  }

  @Override
  public Optional<Credential> lookup(String domain) {
    Path file = configFile();
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Json config;
    try {
      config = Json.parse(Files.readAllBytes(file));
    } catch (IOException | JsonException e) {
      throw new RegistryException("cannot read " + file + ": not valid JSON");
    }
    String helper = config.path("credHelpers").path(domain).asText(config.path("credsStore").asText(""));
    return helper.isEmpty() ? fromAuths(config.path("auths"), domain)
        : CredentialHelper.named(helper).get(serverAddress(domain));
  }

  /** The config file, with the home directory shown as {@code ~}. */
  @Override
  public String describe() {
    Path home = dev.mimg.model.UserDirs.home(System.getenv());
    Path file = configFile().toAbsolutePath();
    return file.startsWith(home) ? "~/" + home.relativize(file) : file.toString();
  }

  private Path configFile() {
    return dir.resolve("config.json");
  }

  private static Optional<Credential> fromAuths(Json auths, String domain) {
    List<String> keys = domain.equals("docker.io")
        ? List.of(DOCKER_HUB_SERVER, "docker.io", "index.docker.io", "https://index.docker.io/v1")
        : List.of(domain, "https://" + domain, "http://" + domain, "https://" + domain + "/v1/");
    for (String key : keys) {
      Json entry = auths.path(key);
      if (entry.isMissing()) {
        continue;
      }
      if (entry.hasNonNull("identitytoken")) {
        return Optional.of(Credential.identityToken(entry.path("identitytoken").asText()));
      }
      if (entry.hasNonNull("auth")) {
        return Optional.of(decodeAuth(entry.path("auth").asText(), key));
      }
      if (entry.hasNonNull("username")) {
        return Optional.of(Credential.basic(entry.path("username").asText(), entry.path("password").asText()));
      }
    }
    return Optional.empty();
  }

  private static Credential decodeAuth(String encoded, String key) {
    String pair;
    try {
      pair = new String(Base64.getDecoder().decode(encoded.strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new RegistryException("the auths entry for " + key + " in config.json is not base64");
    }
    int colon = pair.indexOf(':');
    if (colon < 0) {
      throw new RegistryException("the auths entry for " + key + " in config.json is not user:password");
    }
    return Credential.basic(pair.substring(0, colon), pair.substring(colon + 1));
  }
}
