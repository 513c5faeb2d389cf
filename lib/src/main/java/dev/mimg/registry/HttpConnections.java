package dev.mimg.registry;

import dev.mimg.model.Timeouts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * One exchange with a registry or token server over the JDK's blocking {@link HttpURLConnection}: each request in
 * flight on a socket of its own, kept alive between requests by the JDK, bodies streamed as they are written and
 * read, no thread of its own and nothing of TLS loaded for plain HTTP. (The JDK's {@code java.net.http} client
 * hands every byte of every connection through one selector thread and, in a short-lived JVM, took 4-5 times as
 * long for a 7-platform pull's blobs and manifests.) Redirects are the transport's: none is followed here.
 */
final class HttpConnections {

  private final Timeouts timeouts;
  private final ProxySelector proxy;

  HttpConnections(Timeouts timeouts, ProxySelector proxy) {
    this.timeouts = timeouts;
    this.proxy = proxy;
  }

  /** The timeouts the connections use. */
  Timeouts timeouts() {
    return timeouts;
  }

  /**
   * Sends {@code request} and returns the answer once its headers are in; the body (an error answer's included)
   * streams from the socket, its reads limited by the read timeout. {@code who} and {@code doing} name the peer and
   * the transfer in a timeout's one line.
   */
  UrlConnectionResponse exchange(RegistryRequest request, String who, String doing) throws IOException {
    HttpURLConnection connection = open(request.uri());
    connection.setInstanceFollowRedirects(false);
    connection.setUseCaches(false);
    connection.setConnectTimeout(timeouts.limitsConnect() ? (int) Math.max(1, timeouts.connect().toMillis()) : 0);
    connection.setReadTimeout(timeouts.limitsRead() ? (int) Math.max(1, timeouts.read().toMillis()) : 0);
    connection.setRequestMethod(request.method());
    request.headers().forEach(connection::setRequestProperty);
    RegistryRequest.Body body = request.body() != null ? request.body()
        : request.method().equals("POST") || request.method().equals("PUT") ? RegistryRequest.Body.EMPTY : null;
    if (body != null) {
      connection.setDoOutput(true);
      if (body.length() >= 0) {
        connection.setFixedLengthStreamingMode(body.length());
      } else {
        connection.setChunkedStreamingMode(64 * 1024);
      }
    }
    try {
      connection.connect();
    } catch (SocketTimeoutException e) {
      throw new RegistryException(timeouts.connectTimedOut(who, doing), e);
    }
    try {
      if (body != null) {
        try (InputStream in = body.open(); OutputStream out = connection.getOutputStream()) {
          in.transferTo(out);
        }
      }
      int status = connection.getResponseCode();
      InputStream answer = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
      long announced = request.method().equals("HEAD") || answer == null ? -1 : connection.getContentLengthLong();
      return new UrlConnectionResponse(request.uri(), status, headers(connection), new ReadTimeoutStream(
          answer == null ? InputStream.nullInputStream() : answer, timeouts, who, doing, announced));
    } catch (SocketTimeoutException e) {
      connection.disconnect();
      throw new RegistryException(timeouts.readTimedOut(who, doing), e);
    }
  }

  private HttpURLConnection open(URI uri) throws IOException {
    List<Proxy> proxies = proxy.select(uri);
    Proxy chosen = proxies == null || proxies.isEmpty() ? Proxy.NO_PROXY : proxies.get(0);
    return (HttpURLConnection) uri.toURL().openConnection(chosen);
  }

  /** The answer's headers, by name (the status line, which the JDK keys by null, left out). */
  private static Map<String, List<String>> headers(HttpURLConnection connection) {
    Map<String, List<String>> all = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    connection.getHeaderFields().forEach((name, values) -> {
      if (name != null) {
        all.put(name, values);
      }
    });
    return all;
  }
}
