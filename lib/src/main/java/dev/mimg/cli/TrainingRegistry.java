package dev.mimg.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.mimg.model.Digest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A canned registry on a loopback port for the launcher's AppCDS training run (not a test): one tiny image, an
 * index of one linux/amd64 manifest, so that a training pull into an OCI layout loads the registry client's and
 * the layout's classes into the archive. It is never stopped: {@code HttpServer.stop} can wait on its dispatcher
 * thread, so the training JVM ends with {@code System.exit} instead (see {@link Training#main}).
 */
final class TrainingRegistry {

  private static final byte[] LAYER = "mimg training layer".getBytes(StandardCharsets.UTF_8);
  private static final byte[] CONFIG = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"created\":\"2024-01-01T00:00:00Z\","
      + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + Digest.sha256Of(LAYER) + "\"]}}").getBytes(StandardCharsets.UTF_8);

  private final HttpServer server;
  private final Map<String, byte[]> blobs;
  private final Map<String, byte[]> manifests;

  TrainingRegistry() throws IOException {
    byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
        + "\"config\":" + descriptor("application/vnd.oci.image.config.v1+json", CONFIG) + ",\"layers\":["
        + descriptor("application/vnd.oci.image.layer.v1.tar", LAYER) + "]}").getBytes(StandardCharsets.UTF_8);
    byte[] index = ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":[{"
        + descriptor("application/vnd.oci.image.manifest.v1+json", manifest).substring(1, descriptor(
            "application/vnd.oci.image.manifest.v1+json", manifest).length() - 1)
        + ",\"platform\":{\"architecture\":\"amd64\",\"os\":\"linux\"}}]}").getBytes(StandardCharsets.UTF_8);
    blobs = Map.of(Digest.sha256Of(LAYER).toString(), LAYER, Digest.sha256Of(CONFIG).toString(), CONFIG);
    manifests = Map.of("1", index, Digest.sha256Of(index).toString(), index, Digest.sha256Of(manifest).toString(),
        manifest);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v2/", this::serve);
    server.start();
  }

  /** {@code 127.0.0.1:PORT/train/image:1}, the reference to pull. */
  String reference() {
    return "127.0.0.1:" + server.getAddress().getPort() + "/train/image:1";
  }

  private void serve(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String last = path.substring(path.lastIndexOf('/') + 1);
    byte[] body = path.contains("/manifests/") ? manifests.get(last) : path.contains("/blobs/") ? blobs.get(last) : null;
    if (body == null) {
      exchange.sendResponseHeaders(path.equals("/v2/") ? 200 : 404, -1);
    } else {
      String type = path.contains("/manifests/") && body == manifests.get("1") ? "application/vnd.oci.image.index.v1+json"
          : path.contains("/manifests/") ? "application/vnd.oci.image.manifest.v1+json" : "application/octet-stream";
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    }
    exchange.close();
  }

  private static String descriptor(String mediaType, byte[] content) {
    return "{\"mediaType\":\"" + mediaType + "\",\"digest\":\"" + Digest.sha256Of(content) + "\",\"size\":"
        + content.length + "}";
  }
}
