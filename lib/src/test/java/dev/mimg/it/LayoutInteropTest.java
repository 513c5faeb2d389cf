package dev.mimg.it;

import dev.mimg.bed.BedTest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mimg.bed.Bed;
import dev.mimg.model.Image;
import dev.mimg.model.Platform;
import dev.mimg.model.Reference;
import dev.mimg.model.Variant;
import dev.mimg.query.Mimg;
import dev.mimg.store.oci.OciLayout;
import dev.mimg.store.oci.OciLayoutStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OCI layouts across tools: skopeo's read by mimg, mimg's read by skopeo and pushed by crane (Debian's builds). */
@BedTest
class LayoutInteropTest {

  @TempDir
  Path dir;

  private static String skopeo(String... args) {
    List<String> command = new java.util.ArrayList<>(List.of("skopeo"));
    command.addAll(List.of(args));
    return Bed.run(command, Map.of());
  }

  @Test
  void aLayoutSkopeoWroteIsReadWithTheRegistrysPlatformsDigestsAndSizes() throws Exception {
    String ref = Bed.ref("mimg/alpine:3.16");
    Path layout = dir.resolve("alpine");
    skopeo("copy", "-q", "--multi-arch", "all", "--src-tls-verify=false", "docker://" + ref, "oci:" + layout + ":3.16");
    JsonNode index = new ObjectMapper().readTree(Bed.crane("manifest", ref));
    try (OciLayoutStore store = OciLayoutStore.open(layout)) {
      Image image = Mimg.images(store).first().orElseThrow();
      assertThat(image.tags()).map(Reference::toString).containsExactly("docker.io/library/alpine:3.16");
      assertThat(image.id().toString()).isEqualTo(Bed.crane("digest", ref).strip());
      assertThat(image.present().size() + "/" + image.total()).isEqualTo("7/7");
      int i = 0;
      for (Variant variant : image.platformVariants()) {
        JsonNode child = index.path("manifests").get(i++);
        assertThat(variant.digest().toString()).isEqualTo(child.path("digest").asText());
        assertThat(variant.contentSize()).isEqualTo(RegistrySizes.contentSize(
            Bed.crane("manifest", Bed.ref("mimg/alpine@") + child.path("digest").asText())));
      }
    }
  }

  @Test
  void aLayoutMimgWroteIsReadBySkopeoAndPushedByCrane() {
    String ref = Bed.ref("mimg/alpine:3.16");
    Path layout = dir.resolve("mimg");
    try (OciLayoutStore store = new OciLayoutStore(OciLayout.create(layout), Platform.host())) {
      Mimg.images(store).pull(ref).platform("linux/amd64", "linux/s390x").run();
    }
    String digest = Bed.crane("digest", ref).strip();
    assertThat(skopeo("inspect", "--format", "{{.Digest}}", "oci:" + layout + ":" + ref).strip()).isEqualTo(digest);
    assertThat(skopeo("inspect", "--raw", "oci:" + layout + ":" + ref)).isEqualTo(Bed.crane("manifest", ref));
  }

  @Test
  void aCompleteLayoutMimgWroteIsPushedByCraneAsTheSameIndex() {
    String ref = Bed.ref("mimg/rmme:1");
    Path layout = dir.resolve("complete");
    try (OciLayoutStore store = new OciLayoutStore(OciLayout.create(layout), Platform.host())) {
      Mimg.images(store).pull(ref).allPlatforms().run();
      assertThat(Mimg.images(store).first().map(i -> i.present().size() + "/" + i.total())).contains("4/4");
    }
    String copy = Bed.ref("interop/from-mimg:1");
    Bed.crane("push", layout.toString(), copy);
    assertThat(Bed.crane("digest", copy).strip()).isEqualTo(Bed.crane("digest", ref).strip());
  }

  /**
   * Names that are valid OCI ref.names but no Docker reference, as skopeo writes them, list as written and are
   * never dangling: a plain prune leaves them (issue 13, defect 2).
   */
  @Test
  void namesThatAreNoDockerReferenceListAsWrittenAndAreNeverPruned() throws Exception {
    String ref = Bed.ref("mimg/single:1.0");
    Path layout = dir.resolve("names");
    skopeo("copy", "-q", "--src-tls-verify=false", "docker://" + ref, "oci:" + layout + ":v1+meta");
    skopeo("copy", "-q", "--src-tls-verify=false", "docker://" + ref, "oci:" + layout + ":R/rel/Multi-0:v1");
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    int code = dev.mimg.cli.Main.run(new java.io.PrintWriter(out), new java.io.PrintWriter(err), "--store",
        "oci:" + layout, "ls", "--format", "{{.Repository}} {{.Tag}}");
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).isEqualTo("R/rel/Multi-0 v1\nnames v1+meta\n");
    assertThat(err.toString()).isEmpty();
    Map<String, String> before = dev.mimg.store.oci.LayoutFiles.snapshot(layout);
    out.getBuffer().setLength(0);
    code = dev.mimg.cli.Main.run(new java.io.PrintWriter(out), new java.io.PrintWriter(err), "--store",
        "oci:" + layout, "prune", "-f");
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).isEqualTo("nothing to prune\n");
    assertThat(dev.mimg.store.oci.LayoutFiles.snapshot(layout)).isEqualTo(before);
    try (OciLayoutStore store = OciLayoutStore.open(layout)) {
      assertThat(Mimg.images(store).dangling().count()).isZero();
      assertThat(Mimg.images(store).reference("v1+meta").first()).isPresent();
    }
  }
}
