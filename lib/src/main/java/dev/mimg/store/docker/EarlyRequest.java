package dev.mimg.store.docker;

import com.github.dockerjava.transport.DockerHttpClient.Request;
import dev.mimg.model.Timeouts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A GET sent to a local engine before the command line is even parsed, so that the engine computes its answer
 * while the JVM starts the rest of the command; the unix-socket client that later sends the same request on the
 * same socket takes this connection and reads the answer from it instead. A request nobody takes is dropped at exit.
 */
public final class EarlyRequest {

  /** The listing {@code ls} asks for, at the API version the client tries first. */
  public static final String LISTING = "/v" + EngineClient.MAX_API + "/images/json?manifests=1";

  private static final Map<String, CompletableFuture<EngineConnection>> SENT = new ConcurrentHashMap<>();

  private EarlyRequest() {
  }

  /**
   * Sends GET {@code path} to the engine on {@code host} (only a {@code unix://} host), on the caller's thread (a
   * warm-up's); any failure just means the client sends the request itself.
   */
  public static void send(java.net.URI host, String path) {
    if (!"unix".equals(host.getScheme()) || host.getPath() == null) {
      return;
    }
    Path socket = Path.of(host.getPath());
    CompletableFuture<EngineConnection> sent = new CompletableFuture<>();
    if (SENT.putIfAbsent(key(socket, path), sent) != null) {
      return;
    }
    EngineConnection connection = null;
    try {
      connection = UnixConnection.open(socket, Timeouts.fromEnvironment());
      Request request = Request.builder().method(Request.Method.GET).path(path).build();
      connection.output().write(UnixSocketHttpClient.head(request, null, false).getBytes(StandardCharsets.ISO_8859_1));
      connection.output().flush();
      sent.complete(connection);
    } catch (IOException | RuntimeException e) {
      close(connection);
      sent.complete(null);
    }
  }

  /** The connection the request went out on, if it was sent early and not taken yet (waits for the send). */
  static EngineConnection take(Path socket, String path) {
    CompletableFuture<EngineConnection> sent = SENT.remove(key(socket, path));
    return sent == null ? null : sent.join();
  }

  private static String key(Path socket, String path) {
    return socket.toAbsolutePath() + " " + path;
  }

  private static void close(EngineConnection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (IOException ignored) {
        // the early request failed; the client sends its own
      }
    }
  }
}
