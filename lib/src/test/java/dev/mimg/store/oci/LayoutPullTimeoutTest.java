package dev.mimg.store.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.mimg.model.Digest;
import dev.mimg.model.MediaTypes;
import dev.mimg.model.Platform;
import dev.mimg.model.Reference;
import dev.mimg.model.Timeouts;
import dev.mimg.registry.CredentialSource;
import dev.mimg.registry.RegistryClient;
import dev.mimg.store.StoreException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A layout pull from a loopback registry whose layer stalls halfway (headers and half the bytes, then silence):
 * the pull fails in one line once the read timeout passes, and the layout holds no partial blob, no temporary
 * file and no name.
 */
@Timeout(30)
class LayoutPullTimeoutTest {

  @TempDir
  Path dir;

  private final CountDownLatch release = new CountDownLatch(1);
  private HttpServer server;

  @AfterEach
  void stop() {
    release.countDown();
    server.stop(0);
  }

  @Test
  void aLayerThatStallsHalfwayFailsInOneLineAndLeavesNothingHalfWritten() throws Exception {
    byte[] layer = new byte[8192];
    Arrays.fill(layer, (byte) 7);
    byte[] config = TestLayout.utf8("{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\","
        + "\"diff_ids\":[\"" + Digest.sha256Of(layer) + "\"]}}");
    Digest layerDigest = Digest.sha256Of(layer);
    byte[] manifest = TestLayout.utf8("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\","
        + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\""
        + Digest.sha256Of(config) + "\",\"size\":" + config.length + "},"
        + "\"layers\":[{\"mediaType\":\"" + TestLayout.LAYER + "\",\"digest\":\"" + layerDigest + "\",\"size\":"
        + layer.length + "}]}");
    String registry = serve(Map.of("/v2/x/y/manifests/1", manifest, "/v2/x/y/blobs/" + Digest.sha256Of(config), config),
        "/v2/x/y/blobs/" + layerDigest, layer);
    OciLayout layout = OciLayout.create(dir.resolve("layout"));
    byte[] indexBefore = Files.readAllBytes(layout.directory().resolve("index.json"));
    RegistryClient client = RegistryClient.builder().environment(Map.of()).credentials(CredentialSource.NONE)
        .timeouts(new Timeouts(Duration.ofSeconds(5), Duration.ofMillis(300))).build();

    try (OciLayoutStore store = new OciLayoutStore(layout, Platform.parse("linux/amd64"), client)) {
      assertThatThrownBy(() -> store.pull(Reference.parse(registry + "/x/y:1"), null, event -> { }))
          .isInstanceOf(StoreException.class)
          .hasMessage("the registry " + registry + " sent nothing for 300 ms after 4096 bytes while fetching blob "
              + registry + "/x/y@" + layerDigest + " (MIMG_READ_TIMEOUT raises the limit); nothing was stored");
    }
    assertThat(layout.hasBlob(layerDigest)).isFalse();
    assertThat(Files.readAllBytes(layout.directory().resolve("index.json"))).isEqualTo(indexBefore);
    LayoutAudit.check(layout.directory());
  }

  /** Serves {@code whole} in full and {@code stalled} half, then holds the connection until the test ends. */
  private String serve(Map<String, byte[]> whole, String stalledPath, byte[] stalled) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "stalling-registry");
      thread.setDaemon(true);
      return thread;
    }));
    server.createContext("/v2/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      if (path.equals(stalledPath)) {
        exchange.sendResponseHeaders(200, stalled.length);
        OutputStream out = exchange.getResponseBody();
        out.write(stalled, 0, stalled.length / 2);
        out.flush();
        await();
        return;
      }
      byte[] body = whole.get(path);
      if (body == null) {
        send(exchange, 404, "{\"errors\":[{\"code\":\"NOT_FOUND\"}]}".getBytes(StandardCharsets.UTF_8));
      } else {
        if (path.contains("/manifests/")) {
          exchange.getResponseHeaders().set("Content-Type", MediaTypes.OCI_MANIFEST);
        }
        send(exchange, 200, body);
      }
    });
    server.start();
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  private void await() {
    try {
      release.await(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }
}
