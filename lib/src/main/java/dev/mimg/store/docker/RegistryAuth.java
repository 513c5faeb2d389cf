package dev.mimg.store.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mimg.store.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Registry credentials as the docker CLI finds them in {@code config.json}: {@code credHelpers} for the registry,
 * else {@code credsStore}, else {@code auths} (Docker Hub under its legacy {@code https://index.docker.io/v1/} key
 * too); helpers run as {@code docker-credential-NAME get}. The result is the engine's X-Registry-Auth header
 * value; credentials are never printed, and errors name the helper, not the secret.
 */
public final class RegistryAuth {

  private static final String HUB_LEGACY = "https://index.docker.io/v1/";

  private RegistryAuth() {
  }

  /** The X-Registry-Auth value for {@code domain} (e.g. {@code docker.io}, {@code 127.0.0.1:5000}), if any. */
  public static Optional<String> header(String domain, Path dockerConfigDir) {
    Path file = dockerConfigDir.resolve("config.json");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    JsonNode config;
    try {
      config = EngineClient.json().readTree(file.toFile());
    } catch (IOException e) {
      throw new StoreException("cannot read " + file + ": not valid JSON");
    }
    String server = domain.equals("docker.io") ? HUB_LEGACY : domain;
    String helper = config.path("credHelpers").path(domain).asText(config.path("credsStore").asText(""));
    ObjectNode auth = helper.isEmpty() ? fromAuths(config.path("auths"), domain) : fromHelper(helper, server);
    if (auth == null) {
      return Optional.empty();
    }
    auth.put("serveraddress", server);
    return Optional.of(Base64.getUrlEncoder().encodeToString(auth.toString().getBytes(StandardCharsets.UTF_8)));
  }

  private static ObjectNode fromAuths(JsonNode auths, String domain) {
    List<String> keys = domain.equals("docker.io")
        ? List.of(HUB_LEGACY, "docker.io", "index.docker.io", "https://index.docker.io/v1")
        : List.of(domain, "https://" + domain, "http://" + domain, "https://" + domain + "/v1/");
    for (String key : keys) {
      JsonNode entry = auths.path(key);
      if (entry.isMissingNode()) {
        continue;
      }
      ObjectNode auth = EngineClient.json().createObjectNode();
      if (entry.hasNonNull("identitytoken")) {
        return auth.put("identitytoken", entry.get("identitytoken").asText());
      }
      if (entry.hasNonNull("auth")) {
        String pair = new String(Base64.getDecoder().decode(entry.get("auth").asText().strip()), StandardCharsets.UTF_8);
        int colon = pair.indexOf(':');
        if (colon < 0) {
          throw new StoreException("the auths entry for " + key + " in config.json is not user:password");
        }
        return auth.put("username", pair.substring(0, colon)).put("password", pair.substring(colon + 1));
      }
      if (entry.hasNonNull("username")) {
        return auth.put("username", entry.get("username").asText()).put("password", entry.path("password").asText());
      }
    }
    return null;
  }

  private static ObjectNode fromHelper(String helper, String server) {
    String program = "docker-credential-" + helper;
    try {
      Process process = new ProcessBuilder(program, "get").redirectError(ProcessBuilder.Redirect.DISCARD).start();
      process.getOutputStream().write(server.getBytes(StandardCharsets.UTF_8));
      process.getOutputStream().close();
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new StoreException(program + " did not answer within 30 s");
      }
      if (process.exitValue() != 0) {
        return null;     // "credentials not found in native keychain": pull anonymously, as docker does
      }
      JsonNode answer = EngineClient.json().readTree(out);
      ObjectNode auth = EngineClient.json().createObjectNode();
      String user = answer.path("Username").asText("");
      String secret = answer.path("Secret").asText("");
      return user.equals("<token>") ? auth.put("identitytoken", secret)
          : auth.put("username", user).put("password", secret);
    } catch (IOException e) {
      throw new StoreException("cannot run the credential helper " + program + " (from config.json): "
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replaceAll("\\s+", " ")));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while running " + program);
    }
  }
}
