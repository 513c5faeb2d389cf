package dev.mimg.cli;

import dev.mimg.frontend.CommandLines;
import dev.mimg.bed.BedTest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mimg.bed.Bed;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CLI in-process against the bed's snap engine: exit codes, one-line errors, inspect output. */
@BedTest
class MainTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private record Result(int code, String out, String err) {

    /** The stderr lines (an error must be exactly one). */
    List<String> errLines() {
      return err.lines().toList();
    }
  }

  private static String host() {
    String host = System.getenv("MIMG_BED_SNAP_HOST");
    assertThat(host).as("MIMG_BED_SNAP_HOST (source /tmp/mimg-bed/env)").isNotBlank();
    return host;
  }

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }

  /** Runs against the snap engine: {@code -H <snap> args...}. */
  private static Result mimg(String... args) {
    List<String> all = new ArrayList<>(List.of("-H", host()));
    all.addAll(List.of(args));
    return run(all.toArray(String[]::new));
  }

  private static void assertOneLineError(Result result, int code, String line) {
    assertThat(result.code()).as("exit code, stderr: %s", result.err()).isEqualTo(code);
    assertThat(result.errLines()).containsExactly(line);
    assertThat(result.out()).isEmpty();
  }

  /** The manifests of an index, straight from the bed's registry (not through mimg). */
  private static JsonNode index(String repository, String tag) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(
            URI.create("http://" + Bed.registry() + "/v2/" + repository + "/manifests/" + tag))
        .header("Accept", "application/vnd.oci.image.index.v1+json, "
            + "application/vnd.docker.distribution.manifest.list.v2+json")
        .build();
    HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readTree(response.body()).get("manifests");
  }

  private static String variantDigest(String repository, String tag, String architecture) throws Exception {
    for (JsonNode manifest : index(repository, tag)) {
      if (manifest.path("platform").path("architecture").asText().equals(architecture)) {
        return manifest.get("digest").asText();
      }
    }
    throw new AssertionError("no " + architecture + " manifest in " + repository + ":" + tag);
  }

  // ---- errors: exit code and exactly one stderr line

  @Test
  void unknownImageIsOneLineAndExit1() {
    assertOneLineError(mimg("inspect", "nope:1"), CommandLines.FAILED, "mimg: no such image: nope:1");
  }

  @Test
  void malformedPlatformIsOneLineAndExit1() {
    Result result = mimg("ls", "--platform", "linux/");
    assertThat(result.code()).isEqualTo(CommandLines.FAILED);
    assertThat(result.errLines()).singleElement().asString().startsWith("mimg: invalid platform \"linux/\": ");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void malformedPlatformOfInspectIsOneLineAndExit1() {
    Result result = mimg("inspect", Bed.ref("mimg/alpine:3.16"), "--platform", "linux/");
    assertThat(result.code()).isEqualTo(CommandLines.FAILED);
    assertThat(result.errLines()).singleElement().asString().startsWith("mimg: invalid platform \"linux/\": ");
  }

  @Test
  void malformedReferenceIsOneLineAndExit1() {
    assertOneLineError(mimg("inspect", "UPPER/Case"), CommandLines.FAILED,
        "mimg: invalid reference \"UPPER/Case\": repository name must be lowercase");
  }

  @Test
  void unknownFilterKeyIsOneLineAndExit1() {
    assertOneLineError(mimg("ls", "--filter", "color=red"), CommandLines.FAILED,
        "mimg: invalid filter \"color=red\": unknown key color (keys: dangling, label, platform, reference, shallow, until)");
  }

  @Test
  void filterWithoutValueIsOneLineAndExit1() {
    assertOneLineError(mimg("ls", "-f", "dangling"), CommandLines.FAILED,
        "mimg: invalid filter \"dangling\": expected KEY=VALUE");
  }

  @Test
  void badDanglingValueIsOneLineAndExit1() {
    assertOneLineError(mimg("ls", "--filter", "dangling=maybe"), CommandLines.FAILED,
        "mimg: invalid filter \"dangling=maybe\": expected true or false");
  }

  @Test
  void unknownFlagIsAUsageErrorExit2() {
    assertOneLineError(mimg("ls", "--bogus"), CommandLines.USAGE, "mimg: Unknown option: '--bogus' (see 'mimg ls --help')");
  }

  @Test
  void missingArgumentIsAUsageErrorExit2() {
    Result result = mimg("inspect");
    assertThat(result.code()).isEqualTo(CommandLines.USAGE);
    assertThat(result.errLines()).singleElement().asString()
        .startsWith("mimg: Missing required parameter: 'IMAGE|VARIANT-ID'").endsWith("(see 'mimg inspect --help')");
  }

  @Test
  void unreachableEngineNamesTheSocketAndHowToPointElsewhere() {
    Result result = run("-H", "unix:///tmp/nothing.sock", "ls");
    assertThat(result.code()).isEqualTo(CommandLines.FAILED);
    assertThat(result.errLines()).singleElement().asString()
        .startsWith("mimg: cannot reach the Docker engine at unix:///tmp/nothing.sock (from -H unix:///tmp/nothing.sock): ")
        .endsWith("; check that it runs, or point elsewhere with -H, DOCKER_HOST or DOCKER_CONTEXT");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void hostFlagAfterTheSubcommandWorksToo() {
    Result result = run("ls", "-H", "unix:///tmp/nothing.sock");
    assertThat(result.code()).isEqualTo(CommandLines.FAILED);
    assertThat(result.errLines()).singleElement().asString()
        .startsWith("mimg: cannot reach the Docker engine at unix:///tmp/nothing.sock");
  }

  @Test
  void anSshHostThatCannotBeResolvedIsOneLineAndExit1() {
    Result result = run("-H", "ssh://me@build-box.invalid", "ls");
    assertThat(result.code()).isEqualTo(CommandLines.FAILED);
    assertThat(result.errLines()).singleElement().asString()
        .startsWith("mimg: cannot reach the Docker engine at ssh://me@build-box.invalid (from -H ")
        .contains("ssh: cannot resolve build-box.invalid");
  }

  @Test
  void badTemplateIsOneLineAndExit1() {
    Result result = mimg("ls", "--format", "{{.Nope}}");
    assertThat(result.code()).isEqualTo(CommandLines.FAILED);
    assertThat(result.errLines()).singleElement().asString()
        .startsWith("mimg: invalid --format template: unknown field .Nope (fields: ");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void platformNotPresentListsThePresentOnes() {
    assertOneLineError(mimg("inspect", Bed.ref("mimg/alpine:3.16"), "--platform", "linux/ppc64le"), CommandLines.FAILED,
        "mimg: platform linux/ppc64le is not present in " + Bed.ref("mimg/alpine:3.16")
            + " (present: linux/amd64, linux/arm64/v8, linux/s390x)");
  }

  @Test
  void inspectingAMissingVariantIsOneLineAndExit1() throws Exception {
    String digest = variantDigest("mimg/alpine", "3.16", "ppc64le");
    String shortId = digest.substring("sha256:".length(), "sha256:".length() + 12);
    assertOneLineError(mimg("inspect", shortId), CommandLines.FAILED,
        "mimg: variant " + shortId + " (linux/ppc64le) of " + Bed.ref("mimg/alpine:3.16") + " is not present");
  }

  // ---- success

  @Test
  void inspectByVariantShortIdIsAOneElementArrayOfThatPlatform() throws Exception {
    String digest = variantDigest("mimg/alpine", "3.16", "arm64");
    String shortId = digest.substring("sha256:".length(), "sha256:".length() + 12);
    Result result = mimg("inspect", shortId);
    assertThat(result.code()).as(result.err()).isEqualTo(CommandLines.OK);
    assertThat(result.err()).isEmpty();
    JsonNode array = JSON.readTree(result.out());
    assertThat(array.isArray()).isTrue();
    assertThat(array).hasSize(1);
    assertThat(array.get(0).path("Architecture").asText()).isEqualTo("arm64");
    assertThat(array.get(0).path("Os").asText()).isEqualTo("linux");
  }

  @Test
  void inspectWithAPresentPlatformIsThatVariant() throws Exception {
    Result result = mimg("inspect", Bed.ref("mimg/alpine:3.16"), "--platform", "linux/s390x");
    assertThat(result.code()).as(result.err()).isEqualTo(CommandLines.OK);
    JsonNode array = JSON.readTree(result.out());
    assertThat(array).hasSize(1);
    assertThat(array.get(0).path("Architecture").asText()).isEqualTo("s390x");
  }

  @Test
  void inspectWithoutPlatformListsEveryPresentVariant() throws Exception {
    Result result = mimg("inspect", Bed.ref("mimg/alpine:latest"));
    assertThat(result.code()).as(result.err()).isEqualTo(CommandLines.OK);
    JsonNode array = JSON.readTree(result.out());
    List<String> architectures = new ArrayList<>();
    array.forEach(node -> architectures.add(node.path("Architecture").asText()));
    assertThat(architectures).containsExactly("amd64", "arm64", "s390x");
  }

  @Test
  void lsQuietWithPlatformFilterListsTheMatchingImages() {
    Result result = mimg("ls", "--format", "{{.Repository}}:{{.Tag}} {{.PlatformCount}}", "--platform", "linux/s390x");
    assertThat(result.code()).as(result.err()).isEqualTo(CommandLines.OK);
    assertThat(result.out()).isEqualTo(Bed.ref("mimg/alpine") + ":3.16 3/7\n" + Bed.ref("mimg/alpine") + ":latest 3/7\n");
  }

  @Test
  void lsDanglingListsTheNamelessImage() {
    Result result = mimg("ls", "--filter", "dangling=true", "--format", "{{.Repository}} {{.Tag}}");
    assertThat(result.code()).as(result.err()).isEqualTo(CommandLines.OK);
    assertThat(result.out()).isEqualTo("<none> <none>\n");
  }

  @Test
  void treeAsJsonShowsOnlyTheAskedPlatformsVariants() throws Exception {
    Result result = mimg("ls", "--tree", "--format", "json", "--platform", "linux/riscv64");
    assertThat(result.code()).as(result.err()).isEqualTo(CommandLines.OK);
    JsonNode array = JSON.readTree(result.out());
    assertThat(array).hasSize(1);
    assertThat(array.get(0).path("RepoTags").get(0).asText()).isEqualTo(Bed.ref("mimg/busybox:1.36"));
    assertThat(array.get(0).path("Present").asInt()).isEqualTo(1);
    assertThat(array.get(0).path("Total").asInt()).isEqualTo(4);
    assertThat(array.get(0).path("Variants")).hasSize(1);
    assertThat(array.get(0).path("Variants").get(0).path("Platform").asText()).isEqualTo("linux/riscv64");
  }

  /**
   * Repeated platform filters depend on their order today: s390x then riscv64 lists only alpine, riscv64 then s390x
   * only busybox (ImageQuery.platform chains an any-of filter after the first step's filter). Both orders should list
   * the same images; Docker ORs repeated values of one filter key.
   */
  @Test
  void repeatedPlatformFiltersDoNotDependOnTheirOrder() {
    String expected = Bed.ref("mimg/alpine") + ":3.16\n" + Bed.ref("mimg/alpine") + ":latest\n"
        + Bed.ref("mimg/busybox") + ":1.36\n";
    Result first = mimg("ls", "--filter", "platform=linux/s390x", "--filter", "platform=linux/riscv64",
        "--format", "{{.Repository}}:{{.Tag}}");
    Result second = mimg("ls", "--filter", "platform=linux/riscv64", "--filter", "platform=linux/s390x",
        "--format", "{{.Repository}}:{{.Tag}}");
    assertThat(first.code()).isEqualTo(CommandLines.OK);
    assertThat(second.code()).isEqualTo(CommandLines.OK);
    assertThat(first.out()).isEqualTo(expected);
    assertThat(second.out()).isEqualTo(expected);
  }
}
