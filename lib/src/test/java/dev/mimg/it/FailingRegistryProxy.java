package dev.mimg.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;

/**
 * A loopback registry in front of a real one that forwards every request (method, body, content type) and answers
 * {@code status} to those {@code failing} picks (by method and path), as a registry that breaks midway does.
 */
final class FailingRegistryProxy implements AutoCloseable {

  private final HttpServer server;
  private final String upstream;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final AtomicInteger failed = new AtomicInteger();
  private volatile BiPredicate<String, String> failing = (method, path) -> false;
  private volatile int status = 500;

  /** Starts on a free loopback port in front of {@code upstream} (host:port, plain HTTP). */
  FailingRegistryProxy(String upstream) throws IOException {
    this.upstream = upstream;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** host:port of the proxy. */
  String address() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** From now on answers {@code code} to the requests {@code which} picks (method, path). */
  void fail(int code, BiPredicate<String, String> which) {
    this.status = code;
    this.failing = which;
  }

  /** How many requests it failed. */
  int failed() {
    return failed.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().toString();
      byte[] sent = exchange.getRequestBody().readAllBytes();
      if (failing.test(method, path)) {
        failed.incrementAndGet();
        byte[] body = "{\"errors\":[{\"code\":\"UNKNOWN\",\"message\":\"injected failure\"}]}".getBytes();
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        return;
      }
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + upstream + path))
          .method(method, sent.length == 0 ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(sent));
      for (String header : List.of("Accept", "Authorization", "Content-Type")) {
        String value = exchange.getRequestHeaders().getFirst(header);
        if (value != null) {
          request.header(header, value);
        }
      }
      HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      for (String header : List.of("Content-Type", "Docker-Content-Digest", "WWW-Authenticate", "Link")) {
        response.headers().firstValue(header).ifPresent(v -> exchange.getResponseHeaders().add(header, v));
      }
      byte[] body = response.body();
      boolean head = method.equals("HEAD");
      exchange.sendResponseHeaders(response.statusCode(), head || body.length == 0 ? -1 : body.length);
      if (!head) {
        exchange.getResponseBody().write(body);
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
