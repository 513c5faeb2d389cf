package dev.mimg.cli;

import dev.mimg.frontend.CommandLines;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.mimg.model.Digest;
import dev.mimg.model.MediaTypes;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Inputs and answers that used to crash the CLI (a stack overflow, wrapped exceptions, library messages): each is
 * exactly one stderr line and exit code 1. Needs no test bed: the failures come before any engine is asked, or
 * from a registry the test starts on loopback.
 */
@Timeout(60)
class OneLineErrorsTest {

  private record Result(int code, String out, String err) {
  }

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }

  private static void assertOneLine(Result result, String line) {
    assertThat(result.code()).as("exit code, stderr: %s", result.err()).isEqualTo(CommandLines.FAILED);
    assertThat(result.err().lines().toList()).containsExactly(line);
    assertThat(result.out()).isEmpty();
  }

  private static final String HUGE = "a/".repeat(3000) + "a";
  private static final String HUGE_LINE = "mimg: invalid reference \"" + "a/".repeat(50) + "...\" (6001 characters): "
      + "repository name must not be longer than 255 characters";

  @Test
  void remoteLsOfAReferenceOfThousandsOfComponents() {
    assertOneLine(run("remote", "ls", HUGE), HUGE_LINE);
  }

  @Test
  void inspectAndPullOfAReferenceOfThousandsOfComponents() {
    assertOneLine(run("--store", "oci:../examples/store", "inspect", HUGE), HUGE_LINE);
    assertOneLine(run("--store", "oci:../examples/store", "pull", HUGE), HUGE_LINE);
  }

  @Test
  void aDockerHostPortOutOfRange() {
    assertOneLine(run("-H", "tcp://127.0.0.1:99999", "ls"),
        "mimg: invalid Docker host \"tcp://127.0.0.1:99999\" (-H tcp://127.0.0.1:99999): port 99999 is out of range "
            + "(1 to 65535)");
  }

  @Test
  void remoteLsWhoseConfigIsNotJsonIsOneLine() throws Exception {
    byte[] config = "<html>oops</html>".getBytes(StandardCharsets.UTF_8);
    Digest configDigest = Digest.sha256Of(config);
    byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"config\":{\"mediaType\":"
        + "\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + configDigest + "\",\"size\":" + config.length
        + "},\"layers\":[]}").getBytes(StandardCharsets.UTF_8);
    HttpServer server = serve(Map.of("/v2/x/y/manifests/1", manifest, "/v2/x/y/blobs/" + configDigest, config),
        Map.of("/v2/x/y/manifests/1", MediaTypes.OCI_MANIFEST));
    try {
      String ref = "127.0.0.1:" + server.getAddress().getPort() + "/x/y:1";
      assertOneLine(run("remote", "ls", ref), "mimg: " + ref + ": the config " + configDigest + " could not be read: "
          + "Unexpected character ('<' (code 60)): expected a valid value (JSON String, Number, Array, Object or token "
          + "'null', 'true' or 'false') at line 1, column 1");
    } finally {
      server.stop(0);
    }
  }

  /** A loopback registry serving {@code bodies} by path (404 otherwise), with the given content types. */
  private static HttpServer serve(Map<String, byte[]> bodies, Map<String, String> types) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v2/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      byte[] body = bodies.getOrDefault(path, new byte[0]);
      exchange.getResponseHeaders().set("Content-Type", types.getOrDefault(path, "application/octet-stream"));
      exchange.sendResponseHeaders(bodies.containsKey(path) ? 200 : 404, body.length == 0 ? -1 : body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    return server;
  }

  @Test
  void remoteLsWhoseChildManifestIsNotJsonNamesThatManifest() throws Exception {
    byte[] child = "<html>gateway error</html>".getBytes(StandardCharsets.UTF_8);
    Digest childDigest = Digest.sha256Of(child);
    byte[] index = ("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_INDEX + "\",\"manifests\":[{\"mediaType\":\""
        + MediaTypes.OCI_MANIFEST + "\",\"digest\":\"" + childDigest + "\",\"size\":" + child.length
        + ",\"platform\":{\"architecture\":\"amd64\",\"os\":\"linux\"}}]}").getBytes(StandardCharsets.UTF_8);
    Map<String, byte[]> bodies = Map.of("/v2/x/y/manifests/1", index, "/v2/x/y/manifests/" + childDigest, child);
    HttpServer server = serve(bodies, Map.of("/v2/x/y/manifests/1", MediaTypes.OCI_INDEX,
        "/v2/x/y/manifests/" + childDigest, MediaTypes.OCI_MANIFEST));
    try {
      Result result = run("remote", "ls", "127.0.0.1:" + server.getAddress().getPort() + "/x/y:1");
      assertOneLine(result, "mimg: the registry's manifest " + childDigest + " is not valid JSON: "
          + "Unexpected character ('<' (code 60)): expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aMalformedReferenceFilter() {
    assertOneLine(run("--store", "oci:../examples/store", "ls", "--filter", "reference=[abc"),
        "mimg: invalid reference filter \"[abc\": unclosed [");
  }

  @Test
  @Timeout(20)
  void aReferenceFilterOfFifteenStarsAnswersAtOnce() {
    Result result = run("--store", "oci:../examples/store", "ls", "--filter", "reference=" + "*".repeat(15) + "x",
        "--format", "{{.Repository}}");
    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out()).isEmpty();
  }

  @Test
  void noErrorReachesTheUserAsAStackTrace() {
    List<String> lines = run("remote", "ls", HUGE + ":" + "t".repeat(100_000)).err().lines().toList();
    assertThat(lines).singleElement().asString().startsWith("mimg: invalid reference ");
  }
}
