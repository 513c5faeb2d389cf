package dev.mimg.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The launcher's AppCDS training run (not a test): serves a canned engine answer on a private unix socket and
 * runs the common commands against it, lists the checkout's example layout ({@code -Dmimg.home}), and pulls a
 * canned image from a loopback {@link CannedRegistry} into a temporary layout, so the archive holds every class a
 * real {@code ls}, {@code inspect} or {@code pull} loads (transports, HTTP client, JSON records, views, layout
 * writing) and the fast path starts without loading them from jars. (A pull over plain HTTP loads none of the JDK's
 * TLS: with it, an earlier pull training made every start ~70 ms slower; without it, a listing starts as fast.)
 */
public final class Training {

  private static final String IMAGES = """
      [{"Containers":1,"Created":1714979289,"Id":"sha256:5198027c97710fbeb612bff9e4f6f2ea99f6835c3f4ea53d87b7e14ae51d3b8d",\
      "Labels":null,"Descriptor":{"mediaType":"application/vnd.oci.image.index.v1+json",\
      "digest":"sha256:5198027c97710fbeb612bff9e4f6f2ea99f6835c3f4ea53d87b7e14ae51d3b8d","size":1261},"Manifests":[\
      {"ID":"sha256:689c77ee27c283c2c10187be05af585fbdbefc4e99c2c0bf80b4a30276774c98","Descriptor":{"mediaType":\
      "application/vnd.oci.image.manifest.v1+json","digest":"sha256:689c77ee27c283c2c10187be05af585fbdbefc4e99c2c0bf80b4a30276774c98",\
      "size":403,"platform":{"architecture":"amd64","os":"linux"}},"Available":true,"Size":{"Content":32999,"Total":78055},\
      "Kind":"image","ImageData":{"Platform":{"architecture":"amd64","os":"linux"},"Size":{"Unpacked":45056},\
      "Containers":["b36b0a86177daa08fb62cc8252f0733a8a84fa23adb76a11c67261a10a9a455c"]}},\
      {"ID":"sha256:579c15c3985ffe094af689c12bb99167359f33a650f6b43f2cda7c0156a8820d","Descriptor":{"mediaType":\
      "application/vnd.oci.image.manifest.v1+json","digest":"sha256:579c15c3985ffe094af689c12bb99167359f33a650f6b43f2cda7c0156a8820d",\
      "size":403,"platform":{"architecture":"arm64","os":"linux","variant":"v8"}},"Available":false,"Size":{"Content":0,"Total":0},\
      "Kind":"image","ImageData":{"Platform":{"architecture":"arm64","os":"linux","variant":"v8"},"Size":{"Unpacked":0},"Containers":null}},\
      {"ID":"sha256:2dacfe175a1a0f1c1ca613bba256a9a6c40c39f3c43b356c804ad82b832182bb","Descriptor":{"mediaType":\
      "application/vnd.oci.image.manifest.v1+json","digest":"sha256:2dacfe175a1a0f1c1ca613bba256a9a6c40c39f3c43b356c804ad82b832182bb",\
      "size":463,"annotations":{"vnd.docker.reference.type":"attestation-manifest"},"platform":{"architecture":"unknown","os":"unknown"}},\
      "Available":false,"Size":{"Content":0,"Total":0},"Kind":"attestation",\
      "AttestationData":{"For":"sha256:689c77ee27c283c2c10187be05af585fbdbefc4e99c2c0bf80b4a30276774c98"}}],\
      "RepoDigests":["example.com/mimg/attested@sha256:5198027c97710fbeb612bff9e4f6f2ea99f6835c3f4ea53d87b7e14ae51d3b8d"],\
      "RepoTags":["example.com/mimg/attested:1"],"SharedSize":-1,"Size":78055}]""";

  private Training() {
  }

  /**
   * Runs the training commands, prints nothing and exits the JVM (the launcher records the archive at exit). With
   * the argument {@code containerd} it also lists a {@link CannedContainerd}, for the second archive the launcher
   * uses when a command names a containerd store (grpc, Netty and protobuf double the archive, and a bigger archive
   * slows every other start by ~10 ms).
   */
  public static void main(String[] args) throws Exception {
    boolean containerd = java.util.Arrays.asList(args).contains("containerd");
    Path dir = Files.createTempDirectory("mimg-training");
    Path socket = dir.resolve("engine.sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      Thread engine = new Thread(() -> serve(server, dir.resolve("containerd.sock")), "canned-engine");
      engine.setDaemon(true);
      engine.start();
      String host = "unix://" + socket;
      dev.mimg.store.docker.EarlyRequest.send(java.net.URI.create(host), dev.mimg.store.docker.EarlyRequest.LISTING);
      Warmup.listingHost(new String[] {"ls"}, System.getenv());
      for (String[] command : new String[][] {
          {"ls"}, {"ls", "--tree", "--all"}, {"ls", "--counts", "--format", "json"},
          {"ls", "--format", "{{.Repository}}:{{.Tag}} {{.Platforms}}"}, {"inspect", "example.com/mimg/attested:1"},
          {"inspect", "nothing:here"}}) {
        String[] full = new String[command.length + 2];
        full[0] = "-H";
        full[1] = host;
        System.arraycopy(command, 0, full, 2, command.length);
        Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), full);
      }
      String home = System.getProperty("mimg.home");
      if (home != null && Files.isDirectory(Path.of(home, "examples", "store"))) {
        String layout = "oci:" + Path.of(home, "examples", "store");
        for (String[] command : new String[][] {{"--store", layout, "ls"}, {"--store", layout, "ls", "--tree"}}) {
          Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), command);
        }
      }
      if (containerd) {
        containerd(dir, host);
      }
      pull(dir);
    } finally {
      Files.deleteIfExists(socket);
      deleteTree(dir);
    }
    System.exit(0); // the archive is written at exit
  }

  /** Lists a canned containerd: dockerd's namespace (its engine the canned one) and a plain one. */
  private static void containerd(Path dir, String engine) throws Exception {
    Path socket = dir.resolve("containerd.sock");
    try (CannedContainerd containerd = new CannedContainerd(socket)) {
      String store = "containerd:" + socket;
      for (String[] command : new String[][] {{"--store", store + "?namespace=moby&engine=" + engine, "ls", "--tree"},
          {"--store", store + "?namespace=k8s.io", "ls"}}) {
        Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), command);
      }
    }
  }

  /** Pulls the canned image, every platform quietly, then one platform with progress, into fresh layouts. */
  private static void pull(Path dir) throws IOException {
    try (CannedRegistry registry = new CannedRegistry()) {
      String image = registry.host() + "/" + CannedRegistry.IMAGE;
      for (String[] command : new String[][] {
          {"--store", "oci:" + dir.resolve("all"), "pull", "-q", image, "--all-platforms"},
          {"--store", "oci:" + dir.resolve("one"), "pull", image, "--platform", "linux/arm64"}}) {
        Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), command);
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var paths = Files.walk(dir)) {
        for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      }
    }
  }

  private static void serve(ServerSocketChannel server, Path containerd) {
    while (server.isOpen()) {
      try (SocketChannel client = server.accept()) {
        InputStream in = Channels.newInputStream(client);
        String path = requestPath(in);
        String body = path.equals("/version") ? "{\"ApiVersion\":\"1.51\",\"MinAPIVersion\":\"1.24\"}"
            : path.startsWith("/v1.51/images/json") ? IMAGES
            : path.startsWith("/v1.51/info") ? "{\"Containerd\":{\"Address\":\"" + containerd
                + "\",\"Namespaces\":{\"Containers\":\"moby\"}}}"
            : path.startsWith("/v1.51/containers/json") ? "[]"
            : path.startsWith("/v1.51/images/") ? "{\"Id\":\"sha256:5198027c97710fbeb612bff9e4f6f2ea99f6835c3f4ea53d87b7e14ae51d3b8d\"}"
            : "{}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        OutputStream out = Channels.newOutputStream(client);
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
            + Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
      } catch (IOException e) {
        // this connection failed (a client that stopped reading early): serve the next one; the loop ends
        // when the server channel closes
      }
    }
  }

  private static String requestPath(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.append((char) b);
    }
    String[] request = head.toString().split(" ", 3);
    return request.length > 1 ? request[1] : "/";
  }
}
