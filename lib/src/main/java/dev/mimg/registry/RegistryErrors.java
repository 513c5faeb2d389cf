package dev.mimg.registry;

import dev.mimg.model.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.Optional;

/** One-line errors for failed registry answers; each names the reference first and never carries a secret. */
final class RegistryErrors {

  private static final int MAX_BODY = 64 * 1024;
  private static final int MAX_MESSAGE = 200;

  private final CredentialSource credentials;

  RegistryErrors(CredentialSource credentials) {
    this.credentials = credentials;
  }

  /** 401 although credentials were sent (to the registry or its token server). */
  RegistryException unauthorized(String subject, String domain) {
    return new RegistryException(subject + ": unauthorized (401): check the credentials for " + domain + " in "
        + credentials.describe(), 401);
  }

  /** 401 and nothing to answer it with. */
  RegistryException noCredentials(String subject, String domain) {
    return new RegistryException(subject + ": unauthorized (401): " + domain + " wants a login and "
        + credentials.describe() + " has none for it", 401);
  }

  /** The error for a non-2xx answer of the registry; the body is read (bounded) and closed. */
  RegistryException forStatus(HttpResponse<InputStream> response, String subject, String domain,
      boolean sentCredentials) {
    int status = response.statusCode();
    Optional<String> detail = registryMessage(response);
    return switch (status) {
      case 401 -> sentCredentials ? unauthorized(subject, domain) : noCredentials(subject, domain);
      case 403 -> new RegistryException(subject + ": denied (403): " + detail.orElse("access denied")
          + (sentCredentials ? " (check the credentials for " + domain + " in " + credentials.describe() + ")" : ""),
          403);
      case 404 -> new RegistryException(subject + ": not found (404): " + detail.orElse("no such manifest or blob"),
          404);
      default -> new RegistryException(subject + ": " + domain + " answered " + status + detail.map(d -> ": "
          + d).orElse(""), status);
    };
  }

  /** The first {@code errors[].message} (or code) of a distribution error body, made one short line. */
  private static Optional<String> registryMessage(HttpResponse<InputStream> response) {
    try (InputStream body = response.body()) {
      Json error = Json.parse(body.readNBytes(MAX_BODY)).path("errors").path(0);
      String message = error.path("message").asText(error.path("code").asText(""));
      message = message.replaceAll("\\s+", " ").replaceAll("\\p{Cntrl}", "").strip(); // no terminal escapes
      return message.isEmpty() ? Optional.empty()
          : Optional.of(message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "..." : message);
    } catch (IOException | RuntimeException notJson) {
      return Optional.empty();
    }
  }
}
