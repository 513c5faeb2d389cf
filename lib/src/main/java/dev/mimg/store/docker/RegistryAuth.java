package dev.mimg.store.docker;

import dev.mimg.model.Json;
import dev.mimg.model.JsonObject;
import dev.mimg.registry.Credential;
import dev.mimg.registry.DockerConfigCredentials;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

/**
 * The engine's X-Registry-Auth header, built from the login {@link DockerConfigCredentials} finds in
 * {@code config.json}; credentials are never printed, and errors name the file or helper, not the secret.
 */
public final class RegistryAuth {

  private RegistryAuth() {
  }

  /** The X-Registry-Auth value for {@code domain} (e.g. {@code docker.io}, {@code 127.0.0.1:5000}), if any. */
  public static Optional<String> header(String domain, Path dockerConfigDir) {
    return new DockerConfigCredentials(dockerConfigDir).lookup(domain).map(credential -> encode(credential, domain));
  }

  private static String encode(Credential credential, String domain) {
    JsonObject auth = Json.object();
    if (credential.isIdentityToken()) {
      auth.put("identitytoken", credential.secret());
    } else {
      auth.put("username", credential.username().orElseThrow()).put("password", credential.secret());
    }
    auth.put("serveraddress", DockerConfigCredentials.serverAddress(domain));
    return Base64.getUrlEncoder().encodeToString(auth.toString().getBytes(StandardCharsets.UTF_8));
  }
}
