package dev.mimg.registry;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSession;

/**
 * An answer read through {@link HttpConnections}, in the shape the registry code reads answers
 * ({@code HttpResponse<InputStream>}: status, headers, body); it keeps no request object ({@link #request} is null)
 * and no previous response (redirects are the transport's).
 */
final class UrlConnectionResponse implements HttpResponse<InputStream> {

  private final URI uri;
  private final int status;
  private final HttpHeaders headers;
  private final InputStream body;

  UrlConnectionResponse(URI uri, int status, Map<String, List<String>> headers, InputStream body) {
    this.uri = uri;
    this.status = status;
    this.headers = HttpHeaders.of(headers, (name, value) -> true);
    this.body = body;
  }

  @Override
  public int statusCode() {
    return status;
  }

  /** Not kept: null. */
  @Override
  public HttpRequest request() {
    return null;
  }

  @Override
  public Optional<HttpResponse<InputStream>> previousResponse() {
    return Optional.empty();
  }

  @Override
  public HttpHeaders headers() {
    return headers;
  }

  @Override
  public InputStream body() {
    return body;
  }

  @Override
  public Optional<SSLSession> sslSession() {
    return Optional.empty();
  }

  @Override
  public URI uri() {
    return uri;
  }

  @Override
  public HttpClient.Version version() {
    return HttpClient.Version.HTTP_1_1;
  }
}
