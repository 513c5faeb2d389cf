package dev.mimg.registry;

import dev.mimg.model.Timeouts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;

/**
 * Sends registry requests: follows redirects itself (dropping Authorization when the host changes, as blob stores
 * reject it), and retries with backoff on 429, 5xx and connection failures before giving up with one line. A
 * timeout (no connection, or nothing sent for the read timeout) ends the request at once with one line; a wait
 * before a retry of more than a second is told to the notice sink; a Retry-After beyond the policy's cap gives up.
 */
final class HttpTransport {

  private static final int MAX_REDIRECTS = 5;
  private static final Duration NOTICE_AFTER = Duration.ofSeconds(1);
  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

  private final HttpConnections http;
  private final RetryPolicy retry;
  private final Consumer<String> notices;

  HttpTransport(HttpConnections http, RetryPolicy retry, Consumer<String> notices) {
    this.http = http;
    this.retry = retry;
    this.notices = notices;
  }

  /**
   * The response to {@code request}, its body guarded by the read timeout; {@code subject} (a reference) starts
   * the error messages, a timeout's names {@code peer} ("the registry") and {@code doing} ("while fetching manifest X").
   */
  HttpResponse<InputStream> send(RegistryRequest request, String subject, String peer, String doing) {
    String host = request.uri().getAuthority();
    for (int attempt = 1; ; attempt++) {
      HttpResponse<InputStream> response;
      try {
        response = followingRedirects(request, subject, peer, doing);
      } catch (SSLException e) {
        throw new RegistryException(subject + ": TLS with " + host + " failed: " + oneLine(e)
            + " (a registry without TLS must be listed in " + InsecureRegistries.ENV + ")", e);
      } catch (IOException e) {
        if (attempt >= retry.attempts()) {
          throw new RegistryException(subject + ": cannot reach " + host + ": " + oneLine(e) + " (" + attempt
              + " attempts)", e);
        }
        pause(retry.delayAfter(attempt, Optional.empty()), "cannot reach " + host + " (" + oneLine(e) + ")",
            attempt, subject);
        continue;
      }
      int status = response.statusCode();
      if (!RetryPolicy.retryable(status)) {
        return response;
      }
      discard(response);
      if (attempt >= retry.attempts()) {
        throw new RegistryException(subject + ": " + host + " answered " + status + " " + attempt
            + " times; giving up");
      }
      Duration delay = retry.delayAfter(attempt, response.headers().firstValue("Retry-After"));
      if (delay.compareTo(retry.maxDelay()) > 0) {
        throw new RegistryException(subject + ": " + host + " answered " + status + " and asks to wait "
            + Timeouts.describe(delay) + " before retrying, longer than mimg waits ("
            + Timeouts.describe(retry.maxDelay()) + "); try again later");
      }
      pause(delay, host + " answered " + status, attempt, subject);
    }
  }

  private HttpResponse<InputStream> followingRedirects(RegistryRequest request, String subject, String peer,
      String doing) throws IOException {
    RegistryRequest current = request;
    for (int hop = 0; ; hop++) {
      HttpResponse<InputStream> response = sendOnce(current, subject, peer, doing);
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
        throw new RegistryException(subject + ": " + current.uri().getAuthority()
            + " redirected to plain HTTP; refused");
      }
      current = current.redirectedTo(target);
    }
  }

  private HttpResponse<InputStream> sendOnce(RegistryRequest request, String subject, String peer, String doing)
      throws IOException {
    return http.exchange(request, peer + " " + request.uri().getAuthority(), doing);
  }

  /** Reads and closes a response body that is not used, so the connection can be reused. */
  static void discard(HttpResponse<InputStream> response) {
    try (InputStream body = response.body()) {
      body.transferTo(OutputStream.nullOutputStream());
    } catch (IOException ignored) {
      // the connection is dropped instead
    }
  }

  /** Waits before attempt {@code attempt + 1}, telling the notice sink first when the wait is noticeable. */
  private void pause(Duration delay, String why, int attempt, String subject) {
    if (delay.compareTo(NOTICE_AFTER) > 0) {
      notices.accept(why + "; retrying in " + Timeouts.describe(delay) + " (attempt " + (attempt + 1) + " of "
          + retry.attempts() + ")");
    }
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
