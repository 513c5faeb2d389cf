package dev.mimg.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLException;

/**
 * Sends registry requests: follows redirects itself (dropping Authorization when the host changes, as blob stores
 * reject it), and retries with backoff on 429, 5xx and connection failures before giving up with one line.
 */
final class HttpTransport {

  private static final int MAX_REDIRECTS = 5;
  private static final Duration RESPONSE_TIMEOUT = Duration.ofMinutes(2);
  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

  private final HttpClients http;
  private final RetryPolicy retry;

  HttpTransport(HttpClients http, RetryPolicy retry) {
    this.http = http;
    this.retry = retry;
  }

  /** The response to {@code request}; {@code subject} (a reference) starts every error message. */
  HttpResponse<InputStream> send(RegistryRequest request, String subject) {
    for (int attempt = 1; ; attempt++) {
      HttpResponse<InputStream> response;
      try {
        response = followingRedirects(request, subject);
      } catch (SSLException e) {
        throw new RegistryException(subject + ": TLS with " + request.uri().getAuthority() + " failed: " + oneLine(e)
            + " (a registry without TLS must be listed in " + InsecureRegistries.ENV + ")", e);
      } catch (IOException e) {
        if (attempt >= retry.attempts()) {
          throw new RegistryException(subject + ": cannot reach " + request.uri().getAuthority() + ": " + oneLine(e)
              + " (" + attempt + " attempts)", e);
        }
        pause(retry.delayAfter(attempt, Optional.empty()), subject);
        continue;
      }
      if (!RetryPolicy.retryable(response.statusCode())) {
        return response;
      }
      discard(response);
      if (attempt >= retry.attempts()) {
        throw new RegistryException(subject + ": " + request.uri().getAuthority() + " answered " + response.statusCode()
            + " " + attempt + " times; giving up");
      }
      pause(retry.delayAfter(attempt, response.headers().firstValue("Retry-After")), subject);
    }
  }

  private HttpResponse<InputStream> followingRedirects(RegistryRequest request, String subject) throws IOException {
    RegistryRequest current = request;
    for (int hop = 0; ; hop++) {
      HttpResponse<InputStream> response = sendOnce(current, subject);
      String location = response.headers().firstValue("Location").orElse(null);
      if (!REDIRECTS.contains(response.statusCode()) || location == null) {
        return response;
      }
      discard(response);
      if (hop >= MAX_REDIRECTS) {
        throw new RegistryException(subject + ": more than " + MAX_REDIRECTS + " redirects from "
            + request.uri().getAuthority());
      }
      URI target = current.uri().resolve(location);
      if (current.uri().getScheme().equals("https") && !target.getScheme().equals("https")) {
        throw new RegistryException(subject + ": " + current.uri().getAuthority() + " redirected to plain HTTP; refused");
      }
      current = current.redirectedTo(target);
    }
  }

  private HttpResponse<InputStream> sendOnce(RegistryRequest request, String subject) throws IOException {
    HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri()).timeout(RESPONSE_TIMEOUT);
    request.headers().forEach(builder::header);
    builder.method(request.method(), request.form() == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(request.form()));
    try {
      return http.forUri(request.uri()).send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryException(subject + ": interrupted", e);
    }
  }

  /** Reads and closes a response body that is not used, so the connection can be reused. */
  static void discard(HttpResponse<InputStream> response) {
    try (InputStream body = response.body()) {
      body.transferTo(OutputStream.nullOutputStream());
    } catch (IOException ignored) {
      // the connection is dropped instead
    }
  }

  private static void pause(Duration delay, String subject) {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryException(subject + ": interrupted while waiting to retry", e);
    }
  }

  private static String oneLine(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.replaceAll("\\s+", " ").strip();
  }
}
