package dev.mimg.registry;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One HTTP request to a registry or its token server: a GET, HEAD or DELETE, a POST of a URL-encoded form, or a
 * PUT or POST with a body; {@code body} (null: none) opens its content anew for each attempt.
 */
record RegistryRequest(String method, URI uri, Map<String, String> headers, Body body) {

  /** A request body: opened anew for each attempt, of a known length (streamed as it is read) or -1 (chunked). */
  record Body(Supplier<InputStream> content, long length) {

    /** No bytes. */
    static final Body EMPTY = of(new byte[0]);

    /** These bytes. */
    static Body of(byte[] bytes) {
      byte[] copy = bytes.clone();
      return new Body(() -> new ByteArrayInputStream(copy), copy.length);
    }

    /** The content a fresh stream of {@code content} gives, {@code length} bytes long. */
    static Body streamed(Supplier<InputStream> content, long length) {
      return new Body(content, length);
    }

    /** A fresh stream of the content. */
    InputStream open() {
      return content.get();
    }
  }

  /** The method and URI only: headers and form may carry credentials or tokens. */
  @Override
  public String toString() {
    return method + " " + uri;
  }

  /** Freezes the headers. */
  RegistryRequest {
    headers = Map.copyOf(headers);
  }

  /** A GET of {@code uri} with the given headers. */
  static RegistryRequest get(URI uri, Map<String, String> headers) {
    return new RegistryRequest("GET", uri, headers, null);
  }

  /** A POST of {@code form} (already URL-encoded) to {@code uri}. */
  static RegistryRequest postForm(URI uri, String form) {
    return new RegistryRequest("POST", uri, Map.of("Content-Type", "application/x-www-form-urlencoded"),
        Body.of(form.getBytes(StandardCharsets.UTF_8)));
  }

  /** The same request with one header set (or replaced). */
  RegistryRequest withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new RegistryRequest(method, uri, copy, body);
  }

  /**
   * The same request to another URI (a redirect; a POST becomes a GET without body); the Authorization header stays
   * only on the same host.
   */
  RegistryRequest redirectedTo(URI target) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    if (!sameOrigin(uri, target)) {
      copy.remove("Authorization");
    }
    boolean post = method.equals("POST");
    return new RegistryRequest(post ? "GET" : method, target, copy, post ? null : body);
  }

  private static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme()) && String.valueOf(a.getHost()).equalsIgnoreCase(b.getHost())
        && a.getPort() == b.getPort();
  }
}
