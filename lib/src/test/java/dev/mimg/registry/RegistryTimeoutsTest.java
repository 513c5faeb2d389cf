package dev.mimg.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.mimg.faults.BlackHole;
import dev.mimg.faults.SilentServer;
import dev.mimg.model.Descriptor;
import dev.mimg.model.Digest;
import dev.mimg.model.InvalidInputException;
import dev.mimg.model.MediaTypes;
import dev.mimg.model.Reference;
import dev.mimg.model.Timeouts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Registries that hang on purpose (accept and never answer, stall mid-blob, ask to retry in a day): the client
 * gives up with one line naming the host, as soon as the limit is reached, and says when it waits to retry.
 */
@Timeout(30)
class RegistryTimeoutsTest {

  private static final Timeouts SHORT = new Timeouts(Duration.ofSeconds(5), Duration.ofMillis(300));
  private static final byte[] MANIFEST = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\"}"
      .getBytes(StandardCharsets.UTF_8);

  private final List<String> notices = new CopyOnWriteArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private HttpServer server;

  @AfterEach
  void stop() {
    release.countDown();
    if (server != null) {
      server.stop(0);
    }
  }

  private RegistryClient client(Timeouts timeouts) {
    return RegistryClient.builder().environment(Map.of()).credentials(CredentialSource.NONE).timeouts(timeouts)
        .notices(notices::add).build();
  }

  private String serve(HttpHandler handler) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "registry-test");
      thread.setDaemon(true);
      return thread;
    }));
    server.createContext("/v2/", handler);
    server.start();
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  private void hold() {
    try {
      release.await(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void aRegistryThatAcceptsAndNeverAnswersFailsInOneLineNamingTheHost() throws Exception {
    try (SilentServer silent = new SilentServer()) {
      String ref = silent.address() + "/x/y:1";
      assertThatThrownBy(() -> client(SHORT).manifest(Reference.parse(ref)))
          .isInstanceOf(RegistryException.class)
          .hasMessage("the registry " + silent.address() + " sent nothing for 300 ms while fetching manifest " + ref
              + " (MIMG_READ_TIMEOUT raises the limit)");
      assertThat(silent.connections()).as("a timeout is not retried").isEqualTo(1);
      assertThat(notices).isEmpty();
    }
  }

  @Test
  void aRegistryThatCannotBeConnectedToFailsInOneLineNamingTheHost() throws Exception {
    try (BlackHole hole = new BlackHole()) {
      assumeTrue(hole.connectHangs(), "this kernel answers connections beyond the backlog");
      String ref = hole.address() + "/x/y:1";
      Timeouts timeouts = new Timeouts(Duration.ofMillis(400), Duration.ofSeconds(5));
      assertThatThrownBy(() -> client(timeouts).manifest(Reference.parse(ref)))
          .isInstanceOf(RegistryException.class)
          .hasMessage("could not connect to the registry " + hole.address() + " within 400 ms while fetching manifest "
              + ref + " (MIMG_CONNECT_TIMEOUT raises the limit)");
      assertThat(notices).isEmpty();
    }
  }

  @Test
  void theReadTimeoutComesFromMimgReadTimeout() throws Exception {
    try (SilentServer silent = new SilentServer()) {
      RegistryClient client = RegistryClient.builder().environment(Map.of(Timeouts.READ_ENV, "250ms"))
          .credentials(CredentialSource.NONE).build();
      assertThatThrownBy(() -> client.manifest(Reference.parse(silent.address() + "/x/y:1")))
          .hasMessageStartingWith("the registry " + silent.address() + " sent nothing for 250 ms while fetching ");
    }
  }

  @Test
  void aMalformedTimeoutVariableIsOneLineNamingIt() {
    assertThatThrownBy(() -> RegistryClient.builder().environment(Map.of(Timeouts.CONNECT_ENV, "ten")).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("invalid MIMG_CONNECT_TIMEOUT \"ten\": expected seconds (60) or a duration such as 90s, 2m, "
            + "1m30s or 500ms");
  }

  @Test
  void aBlobThatStallsHalfwayFailsInOneLineSayingHowFarItCame() throws Exception {
    byte[] blob = new byte[4096];
    Arrays.fill(blob, (byte) 'x');
    String registry = serve(exchange -> {
      exchange.sendResponseHeaders(200, blob.length);
      OutputStream out = exchange.getResponseBody();
      out.write(blob, 0, 2048);
      out.flush();
      hold();
    });
    Descriptor descriptor = Descriptor.of("application/octet-stream", Digest.sha256Of(blob), blob.length);
    Reference repository = Reference.parse(registry + "/x/y:1");
    try (InputStream in = client(SHORT).blob(repository, descriptor)) {
      assertThatThrownBy(in::readAllBytes)
          .isInstanceOf(SocketTimeoutException.class)
          .hasMessage("the registry " + registry + " sent nothing for 300 ms after 2048 bytes while fetching blob "
              + registry + "/x/y@" + descriptor.digest() + " (MIMG_READ_TIMEOUT raises the limit)");
    }
  }

  @Test
  void aSlowBlobThatKeepsSendingIsNotCutOff() throws Exception {
    byte[] blob = "0123456789".repeat(12).getBytes(StandardCharsets.UTF_8);
    String registry = serve(exchange -> {
      exchange.sendResponseHeaders(200, blob.length);
      OutputStream out = exchange.getResponseBody();
      for (int i = 0; i < blob.length; i += 10) {   // 12 pieces 100 ms apart: 1.2 s in all, never 300 ms silent
        out.write(blob, i, 10);
        out.flush();
        sleep(100);
      }
      exchange.close();
    });
    Descriptor descriptor = Descriptor.of("application/octet-stream", Digest.sha256Of(blob), blob.length);
    try (InputStream in = client(SHORT).blob(Reference.parse(registry + "/x/y:1"), descriptor)) {
      assertThat(in.readAllBytes()).isEqualTo(blob);
    }
  }

  @Test
  void aRetryAfterLongerThanTheCapGivesUpAtOnceNamingTheHost() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    String registry = serve(exchange -> {
      calls.incrementAndGet();
      send(exchange, 429, Map.of("Retry-After", "99999"));
    });
    String ref = registry + "/x/y:1";
    assertThatThrownBy(() -> client(SHORT).manifest(Reference.parse(ref)))
        .isInstanceOf(RegistryException.class)
        .hasMessage(ref + ": " + registry + " answered 429 and asks to wait 99999 s before retrying, longer than "
            + "mimg waits (30 s); try again later");
    assertThat(calls).hasValue(1);
    assertThat(notices).isEmpty();
  }

  @Test
  void aWaitOfMoreThanASecondBeforeARetryIsANoticeLine() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    String registry = serve(exchange -> {
      if (calls.incrementAndGet() == 1) {
        send(exchange, 429, Map.of("Retry-After", "2"));
      } else {
        exchange.getResponseHeaders().set("Content-Type", MediaTypes.OCI_MANIFEST);
        exchange.sendResponseHeaders(200, MANIFEST.length);
        exchange.getResponseBody().write(MANIFEST);
        exchange.close();
      }
    });
    assertThat(client(SHORT).manifest(Reference.parse(registry + "/x/y:1")).digest())
        .isEqualTo(Digest.sha256Of(MANIFEST));
    assertThat(notices).containsExactly(registry + " answered 429; retrying in 2 s (attempt 2 of 4)");
  }

  private static void send(HttpExchange exchange, int status, Map<String, String> headers) throws IOException {
    headers.forEach(exchange.getResponseHeaders()::set);
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
