package dev.mimg.cli;

import dev.mimg.model.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * The registry of the launcher's training run (not a test, not a registry): serves one canned two-platform image,
 * {@code HOST/training/pull:1}, over plain HTTP/1.1 with keep-alive on a loopback port, so that the training can
 * pull it and the startup archive holds what a real pull loads (HTTP client, layout writing).
 */
final class CannedRegistry implements AutoCloseable {

  /** The repository and tag it serves. */
  static final String IMAGE = "training/pull:1";
  private static final String INDEX_TYPE = "application/vnd.oci.image.index.v1+json";
  private static final String MANIFEST_TYPE = "application/vnd.oci.image.manifest.v1+json";
  private static final int LAYER_BYTES = 256 * 1024;

  private final ServerSocket server;
  private final Map<String, Answer> answers = new HashMap<>();

  private record Answer(String type, byte[] body) { }

  /** Starts serving on an ephemeral loopback port (daemon threads). */
  CannedRegistry() throws IOException {
    Random random = new Random(42);
    StringBuilder children = new StringBuilder();
    for (String arch : new String[] {"amd64", "arm64"}) {
      byte[] layer = new byte[LAYER_BYTES];
      random.nextBytes(layer);
      byte[] config = utf8("{\"architecture\":\"" + arch + "\",\"os\":\"linux\",\"created\":\"2024-01-01T00:00:00Z\","
          + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + Digest.sha256Of(layer) + "\"]}}");
      byte[] manifest = utf8("{\"schemaVersion\":2,\"mediaType\":\"" + MANIFEST_TYPE + "\",\"config\":"
          + descriptor("application/vnd.oci.image.config.v1+json", config, "") + ",\"layers\":["
          + descriptor("application/vnd.oci.image.layer.v1.tar", layer, "") + "]}");
      blob(layer, "application/octet-stream");
      blob(config, "application/octet-stream");
      answers.put("/v2/training/pull/manifests/" + Digest.sha256Of(manifest), new Answer(MANIFEST_TYPE, manifest));
      children.append(children.length() == 0 ? "" : ",").append(descriptor(MANIFEST_TYPE, manifest,
          ",\"platform\":{\"architecture\":\"" + arch + "\",\"os\":\"linux\"}"));
    }
    byte[] index = utf8("{\"schemaVersion\":2,\"mediaType\":\"" + INDEX_TYPE + "\",\"manifests\":[" + children + "]}");
    answers.put("/v2/training/pull/manifests/1", new Answer(INDEX_TYPE, index));
    answers.put("/v2/training/pull/manifests/" + Digest.sha256Of(index), new Answer(INDEX_TYPE, index));
    answers.put("/v2/", new Answer("application/json", utf8("{}")));
    server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
    daemon(this::accept, "canned-registry").start();
  }

  /** Where it serves: {@code 127.0.0.1:PORT}. */
  String host() {
    return server.getInetAddress().getHostAddress() + ":" + server.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }

  private void blob(byte[] content, String type) {
    answers.put("/v2/training/pull/blobs/" + Digest.sha256Of(content), new Answer(type, content));
  }

  /** A descriptor of {@code content}, with {@code more} (",\"platform\":..." or "") before its closing brace. */
  private static String descriptor(String mediaType, byte[] content, String more) {
    return "{\"mediaType\":\"" + mediaType + "\",\"digest\":\"" + Digest.sha256Of(content) + "\",\"size\":"
        + content.length + more + "}";
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        daemon(() -> serve(client), "canned-registry-connection").start();
      } catch (IOException e) {
        // closed: the training is over
      }
    }
  }

  /** Answers requests on one connection until the client closes it (keep-alive, as registries do). */
  private void serve(Socket client) {
    try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
      String[] request;
      while ((request = requestLine(in)) != null) {
        Answer answer = answers.get(request.length > 1 ? request[1] : "/");
        byte[] body = answer == null ? utf8("{\"errors\":[{\"code\":\"NAME_UNKNOWN\"}]}") : answer.body();
        String head = (answer == null ? "HTTP/1.1 404 Not Found" : "HTTP/1.1 200 OK") + "\r\nContent-Type: "
            + (answer == null ? "application/json" : answer.type()) + "\r\nContent-Length: " + body.length
            + (answer == null ? "" : "\r\nDocker-Content-Digest: " + Digest.sha256Of(body)) + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        if (!request[0].equals("HEAD")) {
          out.write(body);
        }
        out.flush();
      }
    } catch (IOException e) {
      // the client went away: nothing to answer
    }
  }

  /** The request line's words, the headers skipped; null at the end of the connection. */
  private static String[] requestLine(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    int b;
    while ((b = in.read()) >= 0) {
      head.append((char) b);
      int n = head.length();
      if (b == '\n' && n >= 4 && head.charAt(n - 2) == '\r' && head.charAt(n - 3) == '\n') {
        return head.toString().split("\r\n", 2)[0].split(" ");
      }
    }
    return null;
  }

  private static Thread daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
