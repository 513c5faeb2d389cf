package dev.mimg.bed;

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
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;

/**
 * A loopback registry in front of a real one (plain HTTP) that forwards every request (method, body, headers;
 * upload locations rewritten to come back through it) and breaks the requests a rule picks by method and path, as a
 * registry that fails midway does: it answers a status of its choice, or sends a large body cut halfway (then drops
 * the connection) or with one byte changed.
 */
public final class RegistryFaults implements AutoCloseable {

  /** How a picked request breaks. */
  public enum Fault { STATUS, CUT_LARGE_BODY, CORRUPT_LARGE_BODY }

  private static final int LARGE = 4096;
  private static final List<String> REQUEST_HEADERS = List.of("Accept", "Authorization", "Content-Type");
  private static final List<String> RESPONSE_HEADERS = List.of("Content-Type", "Docker-Content-Digest",
      "WWW-Authenticate", "Link", "Location", "Range", "Docker-Upload-UUID");

  private final HttpServer server;
  private final String upstream;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final AtomicInteger faults = new AtomicInteger();
  private volatile BiPredicate<String, String> picked = (method, path) -> false;
  private volatile Fault fault = Fault.STATUS;
  private volatile int status = 500;
  private volatile Map<String, String> headers = Map.of();

  /** Starts on a free loopback port in front of {@code upstream} (host:port, plain HTTP). */
  public RegistryFaults(String upstream) throws IOException {
    this.upstream = upstream;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** host:port of the proxy. */
  public String address() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** From now on answers {@code code} (with these headers, e.g. Retry-After) to the requests {@code which} picks. */
  public RegistryFaults answer(int code, Map<String, String> with, BiPredicate<String, String> which) {
    this.fault = Fault.STATUS;
    this.status = code;
    this.headers = Map.copyOf(with);
    this.picked = which;
    return this;
  }

  /** From now on spoils, as {@code how} says, the large bodies of the requests {@code which} picks. */
  public RegistryFaults spoil(Fault how, BiPredicate<String, String> which) {
    this.fault = how;
    this.picked = which;
    return this;
  }

  /** Forwards everything again. */
  public void heal() {
    this.picked = (method, path) -> false;
  }

  /** How many requests it broke. */
  public int faults() {
    return faults.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().toString();
      byte[] sent = exchange.getRequestBody().readAllBytes();
      boolean pick = picked.test(method, path);
      if (pick && fault == Fault.STATUS) {
        faults.incrementAndGet();
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] body = "{\"errors\":[{\"code\":\"UNKNOWN\",\"message\":\"injected failure\"}]}".getBytes();
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        return;
      }
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + upstream + path))
          .method(method, sent.length == 0 ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(sent));
      for (String header : REQUEST_HEADERS) {
        String value = exchange.getRequestHeaders().getFirst(header);
        if (value != null) {
          request.header(header, value);
        }
      }
      HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      for (String header : RESPONSE_HEADERS) {
        response.headers().firstValue(header).ifPresent(value -> exchange.getResponseHeaders().add(header,
            value.replace("http://" + upstream, "http://" + address())));
      }
      byte[] body = response.body();
      boolean head = method.equals("HEAD");
      if (!pick || head || body.length <= LARGE) {
        exchange.sendResponseHeaders(response.statusCode(), head || body.length == 0 ? -1 : body.length);
        if (!head) {
          exchange.getResponseBody().write(body);
        }
        return;
      }
      faults.incrementAndGet();
      exchange.sendResponseHeaders(response.statusCode(), body.length);
      OutputStream out = exchange.getResponseBody();
      if (fault == Fault.CORRUPT_LARGE_BODY) {
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
