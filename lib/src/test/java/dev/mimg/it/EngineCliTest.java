package dev.mimg.it;

import dev.mimg.bed.BedTest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mimg.bed.Bed;
import dev.mimg.cli.Main;
import dev.mimg.model.Image;
import dev.mimg.model.Json;
import dev.mimg.store.docker.ApiVersion;
import dev.mimg.store.docker.DockerEngineStore;
import dev.mimg.store.docker.EngineEndpoint;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** mimg's commands on the bed, compared with what the engine and the docker CLI answer for the same question. */
@BedTest
class EngineCliTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  record Result(int code, String out, String err) {
  }

  static Result mimg(String host, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] all = new String[args.length + 2];
    all[0] = "-H";
    all[1] = host;
    System.arraycopy(args, 0, all, 2, args.length);
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), all);
    return new Result(code, out.toString(), err.toString());
  }

  static Result snap(String... args) {
    return mimg(System.getenv("MIMG_BED_SNAP_HOST"), args);
  }

  @Test
  void inspectOnePlatformEqualsTheEngineInspect() throws Exception {
    Result result = snap("inspect", Bed.ref("mimg/alpine:3.16"), "--platform", "linux/s390x");
    assertThat(result.code()).isZero();
    JsonNode mimg = JSON.readTree(result.out());
    JsonNode docker = JSON.readTree(Bed.docker("image", "inspect", "--platform", "linux/s390x", Bed.ref("mimg/alpine:3.16")));
    assertThat(mimg).isEqualTo(docker);
    assertThat(mimg.get(0).path("Architecture").asText()).isEqualTo("s390x");
  }

  @Test
  void inspectShowsEveryPresentPlatform() throws Exception {
    Result result = snap("inspect", Bed.ref("mimg/alpine:latest"));
    assertThat(result.code()).isZero();
    JsonNode array = JSON.readTree(result.out());
    assertThat(array).hasSize(3);
    assertThat(array.findValuesAsText("Architecture")).containsExactly("amd64", "arm64", "s390x");
    for (JsonNode each : array) {
      String platform = "linux/" + each.path("Architecture").asText()
          + (each.path("Variant").asText("").isEmpty() ? "" : "/" + each.path("Variant").asText());
      JsonNode docker = JSON.readTree(Bed.docker("image", "inspect", "--platform", platform, Bed.ref("mimg/alpine:3.16")));
      assertThat(each).isEqualTo(docker.get(0));
    }
  }

  @Test
  void inspectOfAnUntaggedImageByDigestAndOfASinglePlatformImage() throws Exception {
    String digest = Bed.docker("image", "ls", "--digests", "--format", "{{.Digest}}", Bed.registry() + "/mimg/bydigest").strip();
    Result byDigest = snap("inspect", Bed.registry() + "/mimg/bydigest@" + digest);
    assertThat(byDigest.code()).as(byDigest.err()).isZero();
    assertThat(JSON.readTree(byDigest.out()).get(0).path("Architecture").asText()).isEqualTo("amd64");
    Result single = snap("inspect", Bed.ref("mimg/single:1.0"));
    assertThat(JSON.readTree(single.out())).isEqualTo(JSON.readTree(Bed.docker("image", "inspect", Bed.ref("mimg/single:1.0"))));
  }

  @Test
  void referenceAndDanglingFiltersAgreeWithTheEngine() {
    for (String filter : List.of("reference=*/mimg/alp*", "reference=" + Bed.registry() + "/mimg/*:1*", "dangling=true",
        "dangling=false")) {
      Result result = snap("ls", "--filter", filter, "--format", "{{.Repository}} {{.Tag}} {{.ID}}");
      assertThat(result.code()).isZero();
      String docker = Bed.docker("image", "ls", "--filter", filter, "--format", "{{.Repository}} {{.Tag}} {{.ID}}");
      assertThat(lines(result.out())).as(filter).containsExactlyInAnyOrderElementsOf(lines(docker)).isNotEmpty();
    }
  }

  @Test
  void platformFilterSelectsImagesWithThatPlatformPresent() {
    Result s390x = snap("ls", "--platform", "linux/s390x", "--format", "{{.Repository}}:{{.Tag}}");
    assertThat(lines(s390x.out())).containsExactly(Bed.ref("mimg/alpine:3.16"), Bed.ref("mimg/alpine:latest"));
    Result arm = snap("ls", "--filter", "platform=linux/arm/v7", "-q");
    assertThat(arm.out()).isEmpty();
    Result tree = snap("ls", "--tree", "--platform", "linux/riscv64");
    assertThat(lines(tree.out())).hasSize(3);
    assertThat(lines(tree.out()).get(2)).contains("\\_ linux/riscv64").contains("42.4kB");
  }

  @Test
  void shallowFilterAndCounts() {
    Result shallow = snap("ls", "--filter", "shallow=true", "--counts", "--format", "{{.Repository}} {{.PlatformCount}}");
    assertThat(lines(shallow.out())).containsExactly(
        Bed.ref("mimg/alpine") + " 3/7", Bed.ref("mimg/alpine") + " 3/7", Bed.ref("mimg/app") + " 1/2",
        Bed.ref("mimg/app") + " 1/2", Bed.ref("mimg/app") + " 1/2", Bed.ref("mimg/app") + " 1/2",
        Bed.ref("mimg/app") + " 1/2", Bed.ref("mimg/attested") + " 1/2",
        Bed.ref("mimg/busybox") + " 1/4", Bed.ref("mimg/bydigest") + " 1/2");
    Result complete = snap("ls", "--filter", "shallow=false", "--format", "{{.Repository}} {{.PlatformCount}}");
    assertThat(lines(complete.out())).containsExactly(Bed.ref("mimg/moving") + " 1/1 all",
        Bed.ref("mimg/single") + " 1/1 all", "<none> 1/1 all");
  }

  @Test
  void graphdriverEngineListsOnePlatformPerImageWithOneNotice() {
    Result result = mimg(System.getenv("MIMG_BED_GRAPH_HOST"), "ls", "--format", "{{.Repository}} {{.Tag}} {{.ID}} {{.Platforms}}");
    assertThat(result.code()).isZero();
    String docker = Bed.dockerOn(System.getenv("MIMG_BED_GRAPH_HOST"), "image", "ls", "--format",
        "{{.Repository}} {{.Tag}} {{.ID}} linux/amd64");
    assertThat(lines(result.out())).containsExactlyInAnyOrderElementsOf(lines(docker)).hasSize(2);
    assertThat(lines(result.err())).singleElement().asString()
        .startsWith("mimg: notice: this engine uses the classic graphdriver image store");
  }

  @Test
  void anEngineSpeakingAnApiBelow147ListsOnePlatformPerImageWithANotice() {
    try (DockerEngineStore old = DockerEngineStore.connect(Bed.snap(), ApiVersion.parse("1.46"));
         DockerEngineStore current = DockerEngineStore.connect(Bed.snap())) {
      List<Image> images = old.images();
      assertThat(images).extracting(Image::id).containsExactlyInAnyOrderElementsOf(
          current.images().stream().map(Image::id).toList());
      assertThat(images).allSatisfy(image -> assertThat(image.variants()).hasSize(1));
      Image alpine = images.stream().filter(i -> i.tags().toString().contains("mimg/alpine:3.16")).findFirst().orElseThrow();
      Json engine = old.client().get("/images/" + alpine.id() + "/json");
      assertThat(alpine.variants().get(0).platform().architecture()).isEqualTo(engine.path("Architecture").asText());
      assertThat(old.notices()).singleElement().asString()
          .startsWith("API 1.46 is in use: one platform per image; per-platform detail needs API 1.47+");
    }
  }

  @Test
  void tcpEngineWithClientCertificatesFromTheEnvironment() {
    Map<String, String> env = Map.of("DOCKER_HOST", System.getenv("MIMG_BED_TLS_HOST"), "DOCKER_TLS_VERIFY", "1",
        "DOCKER_CERT_PATH", System.getenv("MIMG_BED_TLS_CERTS"));
    EngineEndpoint endpoint = EngineEndpoint.resolve(null, env, Path.of("/nonexistent"));
    try (DockerEngineStore tls = DockerEngineStore.connect(endpoint);
         DockerEngineStore socket = DockerEngineStore.connect(Bed.snap())) {
      assertThat(tls.images()).isEqualTo(socket.images());
    }
  }

  private static List<String> lines(String text) {
    return Arrays.stream(text.split("\n")).filter(line -> !line.isBlank()).toList();
  }

  /** The tree as JSON names images as the engine does: RepoTags and RepoDigests equal its own (issue 13, 9). */
  @Test
  void jsonNamesAreTheEnginesOwn() throws Exception {
    Result result = snap("ls", "--tree", "--format", "json");
    assertThat(result.code()).as(result.err()).isZero();
    java.util.Map<String, JsonNode> engine = new java.util.HashMap<>();
    EngineState.raw().forEach(image -> engine.put(image.path("Id").asText(), image));
    for (JsonNode image : JSON.readTree(result.out())) {
      JsonNode own = engine.get(image.path("Id").asText());
      assertThat(sorted(image.path("RepoTags"))).as(image.path("Id").asText()).isEqualTo(sorted(own.path("RepoTags")));
      assertThat(sorted(image.path("RepoDigests"))).isEqualTo(sorted(own.path("RepoDigests")));
    }
  }

  private static List<String> sorted(JsonNode array) {
    List<String> values = new java.util.ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values.stream().sorted().toList();
  }

  /** An empty format is the default table, as the docker CLI takes it (issue 13, defect 9). */
  @Test
  void anEmptyFormatIsTheDefaultTable() {
    Result empty = snap("ls", "--format", "");
    assertThat(empty.code()).isZero();
    assertThat(empty.out()).isEqualTo(snap("ls").out()).startsWith("REPOSITORY ");
  }
}
