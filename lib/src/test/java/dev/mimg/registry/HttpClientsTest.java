package dev.mimg.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.mimg.model.Timeouts;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The plain-HTTP client's TLS context: plain HTTP works through it, TLS is refused before any handshake; closing
 * the clients stops their threads.
 */
class HttpClientsTest {

  @Test
  void everyTlsUseIsRefused() {
    assertThatThrownBy(() -> PlainHttpTls.context().createSSLEngine())
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage("the plain-HTTP registry client speaks no TLS");
    assertThatThrownBy(() -> PlainHttpTls.context().getSocketFactory())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aClientOnItSpeaksPlainHttpAndRefusesHttps() throws Exception {
    HttpServer server = server();
    try {
      HttpClient client = HttpClient.newBuilder().sslContext(PlainHttpTls.context()).build();
      String authority = "127.0.0.1:" + server.getAddress().getPort();
      HttpResponse<String> plain = client.send(HttpRequest.newBuilder(URI.create("http://" + authority + "/v2/"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(plain.statusCode()).isEqualTo(200);
      assertThat(plain.body()).isEqualTo("{}");
      assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(URI.create("https://" + authority + "/v2/"))
          .build(), HttpResponse.BodyHandlers.ofString()))
          .satisfies(e -> assertThat(e).isInstanceOfAny(IOException.class, UnsupportedOperationException.class));
    } finally {
      server.stop(0);
    }
  }

  @Test
  void closingStopsTheClientsThreadsAndALaterRequestStartsANewClient() throws Exception {
    HttpServer server = server();
    try {
      HttpClients clients = new HttpClients(Timeouts.DEFAULT, new EnvironmentProxySelector(Map.of()));
      URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v2/");
      HttpClient first = clients.forUri(uri);
      assertThat(first.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body())
          .isEqualTo("{}");
      assertThat(clients.liveThreads()).isPositive();
      clients.close();
      assertThat(clients.liveThreads()).isZero();
      HttpClient second = clients.forUri(uri);
      assertThat(second).isNotSameAs(first);
      assertThat(second.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body())
          .isEqualTo("{}");
      clients.close();
      assertThat(clients.liveThreads()).isZero();
    } finally {
      server.stop(0);
    }
  }

  private static HttpServer server() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    return server;
  }
}
