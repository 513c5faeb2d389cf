package dev.mimg.store.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimg.model.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Version negotiation against a scripted older engine (the bed's engine is the newest, so it cannot say
 * "too new"): the first answer steps the client down, with no extra /version round trip.
 */
class ApiNegotiationTest {

  @TempDir
  Path dir;

  @Test
  void stepsDownOnceWhenTheEngineIsOlder() throws Exception {
    List<String> paths = new CopyOnWriteArrayList<>();
    Path socket = dir.resolve("old.sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      Thread engine = new Thread(() -> serve(server, paths));
      engine.setDaemon(true);
      engine.start();
      EngineEndpoint endpoint = new EngineEndpoint(URI.create("unix://" + socket), null, false, "test", true);
      try (EngineClient client = new EngineClient(endpoint)) {
        Json answer = client.get("/info");
        assertThat(answer.path("ok").asBoolean()).isTrue();
        assertThat(client.api()).isEqualTo(ApiVersion.parse("1.45"));
        client.get("/info");
      }
    }
    assertThat(paths).containsExactly("/v1.51/info", "/v1.45/info", "/v1.45/info");
  }

  private static void serve(ServerSocketChannel server, List<String> paths) {
    while (server.isOpen()) {
      try (SocketChannel client = server.accept()) {
        InputStream in = Channels.newInputStream(client);
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
          head.append((char) in.read());
        }
        String path = head.toString().split(" ")[1];
        paths.add(path);
        boolean tooNew = path.startsWith("/v1.51/");
        String body = tooNew
            ? "{\"message\":\"client version 1.51 is too new. Maximum supported API version is 1.45\"}"
            : "{\"ok\":true}";
        String response = (tooNew ? "HTTP/1.1 400 Bad Request" : "HTTP/1.1 200 OK")
            + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
        Channels.newOutputStream(client).write(response.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        return;
      }
    }
  }
}
