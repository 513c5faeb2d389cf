package dev.mimg.store.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mimg.faults.BlackHole;
import dev.mimg.faults.SilentServer;
import dev.mimg.faults.UnixEngine;
import dev.mimg.model.Json;
import dev.mimg.model.Timeouts;
import dev.mimg.store.StoreException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Engines that misbehave on purpose (accept and never answer, stall mid-stream, send HTML for JSON, cannot be
 * connected to) and TLS files that are missing: each failure is one line naming the engine or the file.
 */
@Timeout(30)
class EngineClientFailuresTest {

  private static final Timeouts SHORT = new Timeouts(Duration.ofMillis(500), Duration.ofMillis(300));

  @TempDir
  Path dir;

  private static EngineClient client(String host) {
    return new EngineClient(new EngineEndpoint(URI.create(host), null, false, "test", true), null, SHORT);
  }

  @Test
  void aUnixEngineThatNeverAnswersFailsInOneLine() throws Exception {
    try (UnixEngine engine = UnixEngine.silent(dir.resolve("e.sock")); EngineClient client = client(engine.host())) {
      assertThatThrownBy(() -> new DockerEngineStore(client).images())
          .isInstanceOf(StoreException.class)
          .hasMessage("the Docker engine at " + engine.host() + " sent nothing for 300 ms in reply to GET "
              + "/v1.51/images/json?manifests=1 (MIMG_READ_TIMEOUT raises the limit)");
    }
  }

  @Test
  void aTcpEngineThatNeverAnswersFailsInOneLine() throws Exception {
    try (SilentServer engine = new SilentServer(); EngineClient client = client("tcp://" + engine.address())) {
      assertThatThrownBy(() -> client.get("/info"))
          .isInstanceOf(StoreException.class)
          .hasMessage("the Docker engine at tcp://" + engine.address() + " sent nothing for 300 ms in reply to GET "
              + "/v1.51/info (MIMG_READ_TIMEOUT raises the limit)");
    }
  }

  @Test
  void aTcpEngineThatCannotBeConnectedToFailsInOneLine() throws Exception {
    try (BlackHole hole = new BlackHole()) {
      assumeTrue(hole.connectHangs(), "this kernel answers connections beyond the backlog");
      try (EngineClient client = client("tcp://" + hole.address())) {
        assertThatThrownBy(() -> client.get("/info"))
            .isInstanceOf(StoreException.class)
            .hasMessage("could not connect to the Docker engine at tcp://" + hole.address() + " (from test) within "
                + "500 ms (MIMG_CONNECT_TIMEOUT raises the limit)");
      }
    }
  }

  @Test
  void aPullStreamThatStallsFailsInOneLine() throws Exception {
    String line = "{\"status\":\"Pulling fs layer\",\"id\":\"abc\"}\n";
    try (UnixEngine engine = UnixEngine.scripted(dir.resolve("e.sock"), out -> {
      out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
          + Integer.toHexString(line.length()) + "\r\n" + line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }); EngineClient client = client(engine.host())) {
      List<Json> seen = new CopyOnWriteArrayList<>();
      assertThatThrownBy(() -> client.stream("/images/create?fromImage=x", Map.of(), seen::add))
          .isInstanceOf(StoreException.class)
          .hasMessage("the Docker engine at " + engine.host() + " sent nothing for 300 ms in reply to POST "
              + "/v1.51/images/create?fromImage=x (MIMG_READ_TIMEOUT raises the limit)");
      assertThat(seen).hasSize(1);
    }
  }

  @Test
  void aPullStreamThatKeepsTalkingIsNotCutOff() throws Exception {
    String line = "{\"status\":\"Downloading\",\"id\":\"abc\"}\n";
    String chunk = Integer.toHexString(line.length()) + "\r\n" + line + "\r\n";
    try (UnixEngine engine = UnixEngine.scripted(dir.resolve("e.sock"), out -> {
      out.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < 12; i++) {       // 1.2 s in all, never 300 ms silent
        out.write(chunk.getBytes(StandardCharsets.UTF_8));
        out.flush();
        Thread.sleep(100);
      }
      out.write("0\r\n\r\n".getBytes(StandardCharsets.UTF_8));
    }); EngineClient client = client(engine.host())) {
      List<Json> seen = new CopyOnWriteArrayList<>();
      client.stream("/images/create?fromImage=x", Map.of(), seen::add);
      assertThat(seen).hasSize(12);
    }
  }

  @Test
  void malformedJsonIsOneLineWithoutJacksonInternals() throws Exception {
    try (UnixEngine engine = UnixEngine.answering(dir.resolve("e.sock"), "<html>oops</html>");
        EngineClient client = client(engine.host())) {
      assertThatThrownBy(() -> new DockerEngineStore(client).images())
          .isInstanceOf(StoreException.class)
          .hasMessage("bad answer from the Docker engine at " + engine.host() + " for /v1.51/images/json?manifests=1: "
              + "Unexpected character ('<' (code 60)): expected a valid value (JSON String, Number, Array, Object or "
              + "token 'null', 'true' or 'false') at line 1, column 1");
    }
  }

  @Test
  void jsonOfTheWrongShapeIsOneLineToo() throws Exception {
    try (UnixEngine engine = UnixEngine.answering(dir.resolve("e.sock"), "{\"not\":\"a list\"}");
        EngineClient client = client(engine.host())) {
      assertThatThrownBy(() -> new DockerEngineStore(client).images())
          .isInstanceOf(StoreException.class)
          .hasMessageStartingWith("bad answer from the Docker engine at " + engine.host()
              + " for /v1.51/images/json?manifests=1: Cannot deserialize value of type ")
          .hasMessageEndingWith(" at line 1, column 1")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("[Source"));
    }
  }

  @Test
  void tlsWithAMissingCaNamesTheFile() {
    EngineEndpoint endpoint = new EngineEndpoint(URI.create("tcp://127.0.0.1:2376"), dir, true, "test", true);
    assertThatThrownBy(() -> new EngineClient(endpoint, null, SHORT))
        .isExactlyInstanceOf(StoreException.class)
        .hasMessage("TLS verification is on but " + dir.resolve("ca.pem") + " is missing");
  }

  @Test
  void tlsWithACertificateButNoKeyNamesTheMissingFile() throws Exception {
    Files.writeString(dir.resolve("cert.pem"), "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
    EngineEndpoint endpoint = new EngineEndpoint(URI.create("tcp://127.0.0.1:2376"), dir, false, "test", true);
    assertThatThrownBy(() -> new EngineClient(endpoint, null, SHORT))
        .isExactlyInstanceOf(StoreException.class)
        .hasMessage("the TLS client certificate " + dir.resolve("cert.pem") + " has no key: " + dir.resolve("key.pem")
            + " is missing");
  }

  @Test
  void tlsWithAMalformedCaNamesTheFile() throws Exception {
    Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
    EngineEndpoint endpoint = new EngineEndpoint(URI.create("tcp://127.0.0.1:2376"), dir, true, "test", true);
    assertThatThrownBy(() -> new EngineClient(endpoint, null, SHORT))
        .isExactlyInstanceOf(StoreException.class)
        .hasMessageStartingWith("the TLS CA certificate " + dir.resolve("ca.pem") + " is not a valid certificate: ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }
}
