package dev.mimg.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mimg.bed.Bed;
import dev.mimg.bed.BedTest;
import dev.mimg.bed.CraneImages;
import dev.mimg.cli.Main;
import dev.mimg.model.Image;
import dev.mimg.model.Variant;
import dev.mimg.query.Mimg;
import dev.mimg.store.oci.OciLayoutStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mimg cp} end to end on the bed: engine to layout (a shallow image stays shallow), layout to registry (the
 * missing children from the registry the image came from), registry to registry (another repository, {@code --as}),
 * each result read back by crane or skopeo with the source's digest; a dry run and bad input change nothing.
 */
@BedTest
class CopyBedTest {

  private static final String RUN = Long.toHexString(System.nanoTime());

  @TempDir
  Path dir;

  record Result(int code, String out, String err) {
  }

  private static Result mimg(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }

  private static Result ok(String... args) {
    Result result = mimg(args);
    assertThat(result.code()).as(String.join(" ", args) + ": " + result.err()).isZero();
    return result;
  }

  private static String skopeo(String... args) {
    List<String> command = new java.util.ArrayList<>(List.of("skopeo"));
    command.addAll(List.of(args));
    return Bed.run(command, Map.of());
  }

  private static List<String> present(Path layout) {
    try (OciLayoutStore store = OciLayoutStore.open(layout)) {
      Image image = Mimg.images(store).first().orElseThrow();
      return image.present().stream().map(Variant::platform).map(Object::toString).toList();
    }
  }

  @Test
  void engineToLayoutToRegistryToRegistryKeepsTheIndexDigest() {
    String source = Bed.ref("mimg/busybox:1.36"); // shallow on the engine: linux/riscv64 of four
    String digest = Bed.crane("digest", source).strip();
    Path layout = dir.resolve("from-engine");

    ok("-H", System.getenv("MIMG_BED_SNAP_HOST"), "cp", source, "--to", "oci:" + layout);
    assertThat(skopeo("inspect", "--raw", "oci:" + layout + ":" + source)).isEqualTo(Bed.crane("manifest", source));
    assertThat(present(layout)).containsExactly("linux/riscv64");

    String prefix = Bed.registry() + "/cp-test/" + RUN;
    Result pushed = ok("--store", "oci:" + layout, "cp", source, "--to", "registry:" + prefix);
    String inRegistry = prefix + "/mimg/busybox:1.36";
    assertThat(pushed.out()).contains("from the registry the image came from: linux/amd64");
    assertThat(Bed.crane("digest", inRegistry).strip()).isEqualTo(digest);
    assertThat(Bed.crane("validate", "--remote", inRegistry)).contains("PASS");

    String renamed = Bed.registry() + "/cp-test/" + RUN + "-as:copy";
    Result again = ok("--store", "registry:" + Bed.registry(), "cp", inRegistry, "--to", "registry:" + Bed.registry(),
        "--as", "cp-test/" + RUN + "-as:copy");
    assertThat(again.out()).contains("mounted");
    assertThat(skopeo("inspect", "--raw", "--tls-verify=false", "docker://" + renamed))
        .isEqualTo(Bed.crane("manifest", source));
    assertThat(Bed.crane("validate", "--remote", renamed)).contains("PASS");
    skopeo("copy", "-q", "--src-tls-verify=false", "docker://" + renamed, "dir:" + dir.resolve("skopeo-dir"));
    assertThat(dir.resolve("skopeo-dir/manifest.json")).exists();
  }

  @Test
  void aWholeEngineExportKeepsEveryPresentPlatform() {
    String source = Bed.ref("mimg/alpine:3.16"); // shallow: 3 of 7, the host's among them
    Path layout = dir.resolve("alpine");
    ok("-H", System.getenv("MIMG_BED_SNAP_HOST"), "cp", source, "--to", "oci:" + layout);
    assertThat(skopeo("inspect", "--format", "{{.Digest}}", "oci:" + layout + ":" + source).strip())
        .isEqualTo(Bed.crane("digest", source).strip());
    assertThat(present(layout)).containsExactlyInAnyOrder("linux/amd64", "linux/arm64/v8", "linux/s390x");

    Path second = dir.resolve("layout-copy");
    ok("--store", "oci:" + layout, "cp", source, "--to", "oci:" + second, "--as", "cp-test/alpine:copy");
    assertThat(skopeo("inspect", "--raw", "oci:" + second + ":docker.io/cp-test/alpine:copy"))
        .isEqualTo(Bed.crane("manifest", source));
    assertThat(present(second)).containsExactlyInAnyOrder("linux/amd64", "linux/arm64/v8", "linux/s390x");
  }

  @Test
  void aDryRunSaysWhatWouldMoveAndChangesNothing() {
    String source = Bed.ref("mimg/alpine:3.16");
    Path layout = dir.resolve("dry");
    Result result = ok("--store", "registry:" + Bed.registry(), "cp", source, "--to", "oci:" + layout,
        "--platform", "linux/arm64", "--dry-run");
    assertThat(result.out()).startsWith("would copy ").contains("blobs: 2 to copy", "0 already there");
    assertThat(layout).doesNotExist();

    String target = Bed.registry() + "/cp-test/" + RUN + "-dry";
    Result intoRegistry = ok("--store", "registry:" + Bed.registry(), "cp", source, "--to", "registry:"
        + target, "--dry-run");
    assertThat(intoRegistry.out()).contains("would copy ");
    assertThat(mimg("--store", "registry:" + Bed.registry(), "remote", "ls", target + "/mimg/alpine:3.16").code())
        .isNotZero();
  }

  @Test
  void badInputIsOneLineAndChangesNothing() throws Exception {
    String source = Bed.ref("mimg/alpine:3.16");
    Path layout = dir.resolve("bad");
    Result platform = mimg("--store", "registry:" + Bed.registry(), "cp", source, "--to", "oci:" + layout,
        "--platform", "linux/riscv64");
    assertThat(platform.code()).isEqualTo(1);
    assertThat(platform.err().strip()).doesNotContain("\n").contains("linux/riscv64 is not in the index");
    assertThat(layout).doesNotExist();

    Result noTo = mimg("cp", source);
    assertThat(noTo.code()).isEqualTo(2);
    Result badTo = mimg("--store", "registry:" + Bed.registry(), "cp", source, "--to", "nowhere:x");
    assertThat(badTo.code()).isEqualTo(1);
    assertThat(badTo.err().strip()).doesNotContain("\n").contains("invalid destination");

    // a shallow layout image whose registry is gone cannot go into a registry whole: refused, naming the platforms
    Path shallow = dir.resolve("shallow");
    ok("--store", "registry:" + Bed.registry(), "cp", source, "--to", "oci:" + shallow, "--platform", "linux/amd64",
        "--as", "127.0.0.1:1/gone/alpine:3.16");
    String target = Bed.registry() + "/cp-test/" + RUN + "-refused";
    Result refused = mimg("--store", "oci:" + shallow, "cp", "127.0.0.1:1/gone/alpine:3.16", "--to",
        "registry:" + target);
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err().lines().filter(line -> !line.startsWith("mimg: notice:")).toList()).hasSize(1)
        .first().asString().contains("lacks linux/386", "linux/s390x");
    assertThat(Files.exists(shallow)).isTrue();
    assertThat(Bed.run(List.of("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "http://" + Bed.registry()
        + "/v2/cp-test/" + RUN + "-refused/gone/alpine/manifests/3.16"), Map.of())).isEqualTo("404");
  }

  @Test
  void someOrThePresentPlatformsGoIntoARegistryAsANewIndexWhoseDigestTheReportGives() {
    String source = Bed.ref("mimg/alpine:3.16");
    String two = Bed.registry() + "/cp-test/" + RUN + "-two:3.16";
    Result dry = ok("--store", "registry:" + Bed.registry(), "cp", source, "--to", "registry:" + Bed.registry(),
        "--as", "cp-test/" + RUN + "-two:3.16", "--platform", "linux/amd64", "--platform", "linux/s390x", "--dry-run");
    String planned = digestIn(dry.out());
    assertThat(dry.out()).contains("a new index of these platforms: the image's own index "
        + Bed.crane("digest", source).strip());
    assertThat(planned).isNotEqualTo(Bed.crane("digest", source).strip());
    Result copied = ok("--store", "registry:" + Bed.registry(), "cp", source, "--to", "registry:" + Bed.registry(),
        "--as", "cp-test/" + RUN + "-two:3.16", "--platform", "linux/amd64", "--platform", "linux/s390x");
    assertThat(digestIn(copied.out())).isEqualTo(planned);
    assertThat(Bed.crane("digest", two).strip()).isEqualTo(planned);
    String raw = skopeo("inspect", "--raw", "--tls-verify=false", "docker://" + two);
    assertThat(platformsOf(raw)).containsExactlyInAnyOrder("linux/amd64", "linux/s390x");
    assertThat(Bed.crane("validate", "--remote", two)).contains("PASS");

    // a shallow layout image whose registry is gone: --only-present pushes a new index of what it holds
    Path shallow = dir.resolve("shallow-present");
    ok("--store", "registry:" + Bed.registry(), "cp", source, "--to", "oci:" + shallow, "--platform", "linux/arm64",
        "--as", "127.0.0.1:1/gone/alpine:3.16");
    String target = Bed.registry() + "/cp-test/" + RUN + "-present";
    Result present = ok("--store", "oci:" + shallow, "cp", "127.0.0.1:1/gone/alpine:3.16", "--to",
        "registry:" + target, "--only-present");
    String pushed = target + "/gone/alpine:3.16";
    assertThat(Bed.crane("digest", pushed).strip()).isEqualTo(digestIn(present.out()));
    assertThat(platformsOf(Bed.crane("manifest", pushed))).containsExactly("linux/arm64/v8");
    assertThat(Bed.crane("validate", "--remote", pushed)).contains("PASS");
  }

  @Test
  void onATerminalCpShowsTheBlobsCopiedSoFarAndClearsTheLine() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path layout = dir.resolve("tty");
    String command = String.join(" ", java, "-cp", System.getProperty("java.class.path"), "dev.mimg.cli.Main",
        "--store", "registry:" + Bed.registry(), "cp", Bed.ref("mimg/alpine:3.16"), "--to", "oci:" + layout,
        "--platform", "linux/amd64");
    String shown = Bed.run(List.of("script", "-qec", command, "/dev/null"), Map.of()); // a pseudo-terminal
    assertThat(shown).contains("\rcopying blobs 1/2: ").contains("\r" + " ".repeat(60) + "\r")
        .contains("copied " + Bed.ref("mimg/alpine:3.16"));
    assertThat(ok("--store", "registry:" + Bed.registry(), "cp", Bed.ref("mimg/alpine:3.16"), "--to", "oci:"
        + dir.resolve("no-tty"), "--platform", "linux/amd64").err()).doesNotContain("copying blobs");
  }

  private static String digestIn(String report) {
    return report.lines().filter(line -> line.strip().startsWith("digest: ")).findFirst().orElseThrow().strip()
        .split(" ")[1];
  }

  private static List<String> platformsOf(String index) {
    List<String> platforms = new java.util.ArrayList<>();
    for (dev.mimg.model.Json child : dev.mimg.model.Json.parse(index.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .path("manifests")) {
      dev.mimg.model.Json platform = child.path("platform");
      if (!platform.path("architecture").asText().equals("unknown")) {
        String variant = platform.path("variant").isMissing() ? "" : "/" + platform.path("variant").asText();
        platforms.add(platform.path("os").asText() + "/" + platform.path("architecture").asText() + variant);
      }
    }
    return platforms;
  }

  @Test
  void intoTheEngineGoTheChosenPlatformsUnderTheIndexDigest() throws Exception {
    String ref = Bed.registry() + "/cp-test/" + RUN + "-engine:1";
    CraneImages.index(ref, List.of("linux/amd64", "linux/arm64", "linux/s390x"), dir);
    String digest = Bed.crane("digest", ref).strip();
    String engine = "engine:" + System.getenv("MIMG_BED_SNAP_HOST");
    try {
      Result dry = ok("--store", "registry:" + Bed.registry(), "cp", ref, "--to", engine, "--platform", "linux/s390x",
          "--platform", "linux/arm64", "--dry-run");
      assertThat(dry.out()).startsWith("would copy ").contains(digest);
      assertThatThrownBy(() -> EngineState.summary(ref)).as("a dry run loads nothing").hasMessageContaining(ref);

      ok("--store", "registry:" + Bed.registry(), "cp", ref, "--to", engine, "--platform", "linux/s390x",
          "--platform", "linux/arm64");
      com.fasterxml.jackson.databind.JsonNode image = EngineState.summary(ref);
      assertThat(image.path("Id").asText()).isEqualTo(digest);
      List<String> available = new java.util.ArrayList<>();
      image.path("Manifests").forEach(m -> {
        if (m.path("Available").asBoolean() && m.path("Kind").asText().equals("image")) {
          available.add(m.path("ImageData").path("Platform").path("architecture").asText());
        }
      });
      assertThat(available).containsExactlyInAnyOrder("arm64", "s390x");

      Result taken = mimg("--store", "registry:" + Bed.registry(), "cp", Bed.ref("mimg/alpine:3.16"), "--to", engine,
          "--as", ref);
      assertThat(taken.code()).isEqualTo(1);
      assertThat(taken.err().strip()).doesNotContain("\n").contains("names another image");
      assertThat(EngineState.summary(ref).path("Id").asText()).isEqualTo(digest);

      Result classic = mimg("--store", "registry:" + Bed.registry(), "cp", ref, "--to", "engine:"
          + System.getenv("MIMG_BED_GRAPH_HOST"));
      assertThat(classic.code()).isEqualTo(1);
      assertThat(classic.err().strip()).doesNotContain("\n").contains("containerd image store");
    } finally {
      EngineState.removeNames(List.of(ref));
    }
  }
}
