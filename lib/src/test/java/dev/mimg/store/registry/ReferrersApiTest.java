package dev.mimg.store.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.mimg.model.Digest;
import dev.mimg.model.Image;
import dev.mimg.model.MediaTypes;
import dev.mimg.model.Platform;
import dev.mimg.model.Variant;
import dev.mimg.registry.CredentialSource;
import dev.mimg.registry.RegistryClient;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OCI 1.1 referrers API, against a loopback registry that serves it (no registry the bed can run has it: the
 * distribution registry 2.8 and crane's answer 404, which the bed tests of the tag schema cover): referrers it lists
 * are attestations of their subject, deleted with it; a registry that answers 404 is asked once, not per image.
 */
class ReferrersApiTest {

  private static final String SBOM = "application/spdx+json";

  @TempDir
  Path cache;

  private final Map<String, byte[]> manifests = new ConcurrentHashMap<>();
  private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
  private final Map<String, String> tags = new ConcurrentHashMap<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private boolean referrersApi = true;
  private Digest amd64;
  private Digest sbom;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void aReferrerTheApiListsIsAnAttestationOfItsSubject() throws IOException {
    RegistryStore store = start();
    List<Image> images = store.images();
    assertThat(images).hasSize(1);
    List<Variant> variants = images.get(0).variants();
    assertThat(variants).extracting(Variant::digest).contains(sbom);
    Variant attestation = variants.stream().filter(v -> v.digest().equals(sbom)).findFirst().orElseThrow();
    assertThat(attestation.kind()).isEqualTo(Variant.Kind.ATTESTATION);
    assertThat(attestation.attestationFor()).isEqualTo(amd64);
    assertThat(attestation.contentSize()).isEqualTo(manifests.get(sbom.toString()).length + 2 + 5);
    assertThat(requests).anyMatch(r -> r.startsWith("GET /v2/app/referrers/" + amd64));
  }

  @Test
  void aSubjectRemovedTakesItsReferrersFromTheApi() throws IOException {
    RegistryStore store = start();
    Image image = store.images().get(0);
    Variant platform = image.variants().stream().filter(v -> v.digest().equals(amd64)).findFirst().orElseThrow();
    store.removeVariants("127.0.0.1:" + server.getAddress().getPort() + "/app:1", List.of(platform));
    assertThat(requests).containsSubsequence("PUT /v2/app/manifests/1", "DELETE /v2/app/manifests/" + amd64,
        "DELETE /v2/app/manifests/" + sbom);
    assertThat(manifests).doesNotContainKeys(amd64.toString(), sbom.toString());
  }

  @Test
  void aRegistryWithoutTheApiIsAskedOnce() throws IOException {
    referrersApi = false;
    RegistryStore store = start();
    List<Image> images = store.images();
    assertThat(images.get(0).variants()).extracting(Variant::digest).doesNotContain(sbom);
    assertThat(requests.stream().filter(r -> r.contains("/referrers/"))).hasSize(1);
  }

  private RegistryStore start() throws IOException {
    byte[] layer = "layer".getBytes(StandardCharsets.UTF_8);
    Digest layerDigest = blob(layer);
    byte[] config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"created\":\"2026-01-01T00:00:00Z\"}"
        .getBytes(StandardCharsets.UTF_8);
    Digest configDigest = blob(config);
    amd64 = manifest("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"config\":{\"mediaType\":\""
        + MediaTypes.OCI_CONFIG + "\",\"digest\":\"" + configDigest + "\",\"size\":" + config.length
        + "},\"layers\":[" + layerDescriptor(layerDigest, layer.length) + "]}");
    blob("{}".getBytes(StandardCharsets.UTF_8));
    sbom = manifest("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"artifactType\":\"" + SBOM
        + "\",\"config\":{\"mediaType\":\"application/vnd.oci.empty.v1+json\",\"digest\":\"" + Digest.sha256Of(
        "{}".getBytes(StandardCharsets.UTF_8)) + "\",\"size\":2},\"layers\":[" + layerDescriptor(layerDigest,
        layer.length) + "],\"subject\":{\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"digest\":\"" + amd64
        + "\",\"size\":" + manifests.get(amd64.toString()).length + "}}");
    byte[] armConfig = "{\"architecture\":\"arm64\",\"os\":\"linux\"}".getBytes(StandardCharsets.UTF_8);
    Digest arm64 = manifest("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"config\":{"
        + "\"mediaType\":\"" + MediaTypes.OCI_CONFIG + "\",\"digest\":\"" + blob(armConfig) + "\",\"size\":"
        + armConfig.length + "},\"layers\":[" + layerDescriptor(layerDigest, layer.length) + "]}");
    Digest index = manifest("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_INDEX + "\",\"manifests\":["
        + child(amd64, "amd64") + "," + child(arm64, "arm64") + "]}");
    tags.put("1", index.toString());
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v2/", this::answer);
    server.start();
    RegistryClient client = RegistryClient.builder().environment(Map.of()).credentials(CredentialSource.NONE)
        .build();
    return RegistryStore.open("127.0.0.1:" + server.getAddress().getPort(), client, Platform.parse("linux/amd64"),
        new ContentCache(cache));
  }

  private String child(Digest digest, String architecture) {
    return "{\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"digest\":\"" + digest + "\",\"size\":"
        + manifests.get(digest.toString()).length + ",\"platform\":{\"architecture\":\"" + architecture
        + "\",\"os\":\"linux\"}}";
  }

  private static String layerDescriptor(Digest digest, int size) {
    return "{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar\",\"digest\":\"" + digest + "\",\"size\":" + size
        + "}";
  }

  private Digest blob(byte[] bytes) {
    Digest digest = Digest.sha256Of(bytes);
    blobs.put(digest.toString(), bytes);
    return digest;
  }

  private Digest manifest(String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    Digest digest = Digest.sha256Of(bytes);
    manifests.put(digest.toString(), bytes);
    return digest;
  }

  private void answer(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    requests.add(method + " " + path);
    String[] parts = path.split("/");
    if (path.equals("/v2/")) {
      send(exchange, 200, "{}", "application/json", null);
    } else if (path.equals("/v2/_catalog")) {
      send(exchange, 200, "{\"repositories\":[\"app\"]}", "application/json", null);
    } else if (path.equals("/v2/app/tags/list")) {
      send(exchange, 200, "{\"name\":\"app\",\"tags\":[\"1\"]}", "application/json", null);
    } else if (parts.length == 5 && parts[3].equals("referrers")) {
      if (!referrersApi) {
        send(exchange, 404, "{\"errors\":[{\"code\":\"NOT_FOUND\"}]}", "application/json", null);
        return;
      }
      String listed = parts[4].equals(amd64.toString()) && manifests.containsKey(sbom.toString())
          ? "{\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"digest\":\"" + sbom + "\",\"size\":"
              + manifests.get(sbom.toString()).length + ",\"artifactType\":\"" + SBOM + "\"}" : "";
      send(exchange, 200, "{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_INDEX + "\",\"manifests\":["
          + listed + "]}", MediaTypes.OCI_INDEX, null);
    } else if (parts.length == 5 && parts[3].equals("manifests")) {
      manifestAnswer(exchange, method, parts[4]);
    } else if (parts.length == 5 && parts[3].equals("blobs") && blobs.containsKey(parts[4])) {
      exchange.sendResponseHeaders(200, blobs.get(parts[4]).length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(blobs.get(parts[4]));
      }
    } else {
      send(exchange, 404, "{\"errors\":[{\"code\":\"NOT_FOUND\"}]}", "application/json", null);
    }
  }

  private void manifestAnswer(HttpExchange exchange, String method, String version) throws IOException {
    String digest = tags.getOrDefault(version, version);
    if (method.equals("DELETE")) {
      manifests.remove(digest);
      tags.values().removeIf(digest::equals);
      send(exchange, 202, "", "text/plain", null);
      return;
    }
    if (method.equals("PUT")) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      Digest put = Digest.sha256Of(body);
      manifests.put(put.toString(), body);
      if (!version.startsWith("sha256:")) {
        tags.put(version, put.toString());
      }
      send(exchange, 201, "", "text/plain", put.toString());
      return;
    }
    byte[] bytes = manifests.get(digest);
    if (bytes == null) {
      send(exchange, 404, "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\"}]}", "application/json", null);
      return;
    }
    String type = new String(bytes, StandardCharsets.UTF_8).contains(MediaTypes.OCI_INDEX) ? MediaTypes.OCI_INDEX
        : MediaTypes.OCI_MANIFEST;
    exchange.getResponseHeaders().add("Docker-Content-Digest", digest);
    exchange.getResponseHeaders().add("Content-Type", type);
    if (method.equals("HEAD")) {
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
      return;
    }
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void send(HttpExchange exchange, int status, String body, String type, String digest)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    if (digest != null) {
      exchange.getResponseHeaders().add("Docker-Content-Digest", digest);
    }
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
