package dev.mimg.registry;

import dev.mimg.model.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Gets access tokens from a Bearer challenge's realm, as the distribution token spec describes:
 * {@code GET realm?service=..&scope=..} (with basic credentials when there are some; the answer's {@code token} or
 * {@code access_token}), or for an identity token the OAuth2 {@code refresh_token} grant as a POST.
 */
final class TokenClient {

  private static final long DEFAULT_EXPIRES_SECONDS = 60;
  private static final String CLIENT_ID = "mimg";

  private final HttpTransport transport;
  private final InsecureRegistries insecure;
  private final RegistryErrors errors;
  private final Clock clock;

  TokenClient(HttpTransport transport, InsecureRegistries insecure, RegistryErrors errors, Clock clock) {
    this.transport = transport;
    this.insecure = insecure;
    this.errors = errors;
    this.clock = clock;
  }

  /** A token for {@code scope} at the challenge's realm, for {@code domain}; {@code subject} names the reference. */
  BearerToken fetch(AuthChallenge challenge, String scope, Optional<Credential> credential, String domain,
      String subject) {
    URI realm = realm(challenge, subject, domain);
    String service = challenge.parameter("service").orElse("");
    RegistryRequest request;
    if (credential.isPresent() && credential.get().isIdentityToken()) {
      request = RegistryRequest.postForm(realm, "grant_type=refresh_token&client_id=" + CLIENT_ID + "&service="
          + encode(service) + "&scope=" + encode(scope) + "&refresh_token=" + encode(credential.get().secret()));
    } else {
      String query = (service.isEmpty() ? "" : "service=" + encode(service) + "&") + "scope=" + encode(scope);
      request = RegistryRequest.get(URI.create(realm + (realm.getRawQuery() == null ? "?" : "&") + query), Map.of());
      if (credential.isPresent()) {
        request = request.withHeader("Authorization", basic(credential.get()));
      }
    }
    HttpResponse<InputStream> response = transport.send(request, subject, "the token server",
        "while fetching a token for " + subject);
    int status = response.statusCode();
    if (status == 401 || status == 403) {
      HttpTransport.discard(response);
      throw credential.isPresent() ? errors.unauthorized(subject, domain) : errors.noCredentials(subject, domain);
    }
    if (status / 100 != 2) {
      HttpTransport.discard(response);
      throw new RegistryException(subject + ": the token server " + realm.getAuthority() + " answered " + status);
    }
    return parse(response, realm, subject);
  }

  /** The {@code Authorization: Basic} value for a username and password. */
  static String basic(Credential credential) {
    String pair = credential.username().orElse("") + ":" + credential.secret();
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  private URI realm(AuthChallenge challenge, String subject, String domain) {
    String text = challenge.parameter("realm")
        .orElseThrow(() -> new RegistryException(subject + ": " + domain + " sent a Bearer challenge without a realm"));
    URI realm;
    try {
      realm = URI.create(text);
    } catch (IllegalArgumentException e) {
      throw new RegistryException(subject + ": " + domain + " names a token realm that is not a URL");
    }
    boolean https = "https".equalsIgnoreCase(realm.getScheme());
    if (realm.getHost() == null || !https && !("http".equalsIgnoreCase(realm.getScheme())
        && insecure.allowsPlainHttp(realm.getAuthority()))) {
      throw new RegistryException(subject + ": " + domain + " names the token realm " + realm.getScheme() + "://"
          + realm.getAuthority() + ", which is neither https nor a loopback or insecure registry");
    }
    return realm;
  }

  private BearerToken parse(HttpResponse<InputStream> response, URI realm, String subject) {
    Json answer;
    try (InputStream body = response.body()) {
      answer = Json.parse(body.readNBytes(1024 * 1024));
    } catch (IOException | RuntimeException e) {
      throw new RegistryException(subject + ": the token server " + realm.getAuthority() + " sent no JSON");
    }
    String token = answer.path("token").asText(answer.path("access_token").asText(""));
    if (token.isEmpty()) {
      throw new RegistryException(subject + ": the token server " + realm.getAuthority() + " sent no token");
    }
    long expiresIn = answer.path("expires_in").asLong(DEFAULT_EXPIRES_SECONDS);
    return new BearerToken(token, clock.instant().plusSeconds(expiresIn > 0 ? expiresIn : DEFAULT_EXPIRES_SECONDS));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
