package dev.mimg.store.oci;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A registry in front of the bed's that forwards every request and misbehaves on one kind of request: it cuts
 * large blobs halfway (then drops the connection), corrupts their bytes, or answers 404 for one manifest.
 */
final class FaultyRegistry implements AutoCloseable {

  /** What goes wrong. */
  enum Fault { NONE, CUT_LARGE_BLOBS, CORRUPT_LARGE_BLOBS, MISSING_MANIFEST }

  private static final int LARGE = 4096;

  private final HttpServer server;
  private final String upstream;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final AtomicInteger faults = new AtomicInteger();
  private volatile Fault fault = Fault.NONE;
  private volatile String missing = "";

  /** Starts on a free loopback port in front of {@code upstream} (host:port, plain HTTP). */
  FaultyRegistry(String upstream) throws IOException {
    this.upstream = upstream;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** host:port to pull from. */
  String address() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** Misbehaves from now on as {@code fault}; for MISSING_MANIFEST, on the manifest {@code digest}. */
  void fail(Fault what, String digest) {
    this.fault = what;
    this.missing = digest;
  }

  /** How many requests it has spoilt. */
  int faults() {
    return faults.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().toString();
      if (fault == Fault.MISSING_MANIFEST && path.endsWith("/manifests/" + missing)) {
        faults.incrementAndGet();
        byte[] body = "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\"}]}".getBytes();
        exchange.sendResponseHeaders(404, body.length);
        exchange.getResponseBody().write(body);
        return;
      }
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + upstream + path))
          .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.noBody());
      for (String header : List.of("Accept", "Authorization")) {
        String value = exchange.getRequestHeaders().getFirst(header);
        if (value != null) {
          request.header(header, value);
        }
      }
      HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      for (String header : List.of("Content-Type", "Docker-Content-Digest", "WWW-Authenticate", "Location")) {
        response.headers().firstValue(header).ifPresent(v -> exchange.getResponseHeaders().add(header, v));
      }
      byte[] body = response.body();
      boolean spoil = path.contains("/blobs/") && body.length > LARGE && (fault == Fault.CUT_LARGE_BLOBS
          || fault == Fault.CORRUPT_LARGE_BLOBS);
      if (!spoil) {
        exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
        return;
      }
      faults.incrementAndGet();
      exchange.sendResponseHeaders(200, body.length);
      OutputStream out = exchange.getResponseBody();
      if (fault == Fault.CORRUPT_LARGE_BLOBS) {
        body[body.length / 2] ^= 0x5a;
        out.write(body);
      } else {
        out.write(body, 0, body.length / 2);
        out.flush();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
