package dev.mimg.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.mimg.model.Descriptor;
import dev.mimg.model.Digest;
import dev.mimg.model.MediaTypes;
import dev.mimg.model.Reference;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client against a tiny local HTTP server that misbehaves on purpose: wrong bytes, 503s, 429s. */
class RegistryClientLocalTest {

  private static final byte[] MANIFEST = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\"}"
      .getBytes(StandardCharsets.UTF_8);

  private HttpServer server;

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String serve(com.sun.net.httpserver.HttpHandler handler) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v2/", handler);
    server.start();
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  private static RegistryClient client() {
    return RegistryClient.builder().environment(Map.of()).credentials(CredentialSource.NONE)
        .retries(4, Duration.ofMillis(10)).build();
  }

  private static void send(HttpExchange exchange, int status, byte[] body, Map<String, String> headers) throws IOException {
    headers.forEach(exchange.getResponseHeaders()::set);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  @Test
  void aManifestNotMatchingDockerContentDigestIsRejected() throws Exception {
    Digest other = Digest.sha256Of("other".getBytes(StandardCharsets.UTF_8));
    String registry = serve(exchange -> send(exchange, 200, MANIFEST,
        Map.of("Content-Type", MediaTypes.OCI_MANIFEST, "Docker-Content-Digest", other.toString())));
    assertThatThrownBy(() -> client().manifest(Reference.parse(registry + "/x/y:1")))
        .isInstanceOf(RegistryException.class)
        .hasMessage(registry + "/x/y:1: the manifest's bytes do not match the Docker-Content-Digest " + other
            + " the registry announced (got " + Digest.sha256Of(MANIFEST) + ")");
  }

  @Test
  void aManifestNotMatchingThePinnedDigestIsRejected() throws Exception {
    Digest pinned = Digest.sha256Of("wanted".getBytes(StandardCharsets.UTF_8));
    String registry = serve(exchange -> send(exchange, 200, MANIFEST, Map.of("Content-Type", MediaTypes.OCI_MANIFEST)));
    assertThatThrownBy(() -> client().manifest(Reference.parse(registry + "/x/y@" + pinned)))
        .hasMessageContaining("the registry sent a manifest with digest " + Digest.sha256Of(MANIFEST))
        .hasMessageContaining("not the requested " + pinned);
  }

  @Test
  void aBlobWithWrongBytesFailsAtTheEndOfTheStream() throws Exception {
    byte[] wanted = "the layer".getBytes(StandardCharsets.UTF_8);
    byte[] sent = "the LAYER".getBytes(StandardCharsets.UTF_8);
    String registry = serve(exchange -> send(exchange, 200, sent, Map.of()));
    Descriptor descriptor = Descriptor.of("application/octet-stream", Digest.sha256Of(wanted), wanted.length);
    try (InputStream blob = client().blob(Reference.parse(registry + "/x/y:1"), descriptor)) {
      assertThatThrownBy(blob::readAllBytes).isInstanceOf(IOException.class)
          .hasMessageContaining("x/y@" + descriptor.digest()).hasMessageContaining("the registry sent content with digest");
    }
  }

  @Test
  void aBlobLongerThanItsDescriptorFails() throws Exception {
    byte[] sent = "0123456789".getBytes(StandardCharsets.UTF_8);
    String registry = serve(exchange -> send(exchange, 200, sent, Map.of()));
    Descriptor descriptor = Descriptor.of("application/octet-stream", Digest.sha256Of(sent), 4);
    try (InputStream blob = client().blob(Reference.parse(registry + "/x/y:1"), descriptor)) {
      assertThatThrownBy(blob::readAllBytes).hasMessageContaining("more than the 4 bytes");
    }
  }

  @Test
  void a503IsRetriedThenSucceeds() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    String registry = serve(exchange -> {
      if (calls.incrementAndGet() <= 2) {
        send(exchange, 503, new byte[0], Map.of());
      } else {
        send(exchange, 200, MANIFEST, Map.of("Content-Type", MediaTypes.OCI_MANIFEST));
      }
    });
    Fetched fetched = client().manifest(Reference.parse(registry + "/x/y:1"));
    assertThat(fetched.digest()).isEqualTo(Digest.sha256Of(MANIFEST));
    assertThat(fetched.mediaType()).isEqualTo(MediaTypes.OCI_MANIFEST);
    assertThat(calls).hasValue(3);
  }

  @Test
  void a429HonoursRetryAfter() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    String registry = serve(exchange -> {
      if (calls.incrementAndGet() == 1) {
        send(exchange, 429, new byte[0], Map.of("Retry-After", "0"));
      } else {
        send(exchange, 200, MANIFEST, Map.of("Content-Type", "application/json"));
      }
    });
    assertThat(client().manifest(Reference.parse(registry + "/x/y:1")).mediaType()).isEqualTo(MediaTypes.OCI_MANIFEST);
  }

  @Test
  void retriesGiveUpWithOneLine() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    String registry = serve(exchange -> {
      calls.incrementAndGet();
      send(exchange, 502, new byte[0], Map.of());
    });
    assertThatThrownBy(() -> client().manifest(Reference.parse(registry + "/x/y:1")))
        .hasMessage(registry + "/x/y:1: " + registry + " answered 502 4 times; giving up");
    assertThat(calls).hasValue(4);
  }

  @Test
  void aRefusedConnectionIsRetriedThenReported() throws Exception {
    String registry = serve(exchange -> send(exchange, 200, MANIFEST, Map.of()));
    server.stop(0);
    assertThatThrownBy(() -> client().manifest(Reference.parse(registry + "/x/y:1")))
        .hasMessageStartingWith(registry + "/x/y:1: cannot reach " + registry + ": ").hasMessageEndingWith("(4 attempts)");
    server = HttpServer.create();
  }

  @Test
  void redirectsAreFollowedWithoutAuthorizationToAnotherHost() throws Exception {
    byte[] blob = "blob".getBytes(StandardCharsets.UTF_8);
    HttpServer storage = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    AtomicInteger withAuthorization = new AtomicInteger();
    storage.createContext("/", exchange -> {
      if (exchange.getRequestHeaders().containsKey("Authorization")) {
        withAuthorization.incrementAndGet();
      }
      send(exchange, 200, blob, Map.of());
    });
    storage.start();
    try {
      String registry = serve(exchange -> send(exchange, 307, new byte[0],
          Map.of("Location", "http://localhost:" + storage.getAddress().getPort() + "/store/blob")));
      try (InputStream in = client().blob(Reference.parse(registry + "/x/y:1"), dev.mimg.model.Descriptor.of("application/octet-stream", Digest.sha256Of(blob), blob.length))) {
        assertThat(in.readAllBytes()).isEqualTo(blob);
      }
      assertThat(withAuthorization).hasValue(0);
    } finally {
      storage.stop(0);
    }
  }
}
