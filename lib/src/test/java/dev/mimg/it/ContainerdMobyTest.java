package dev.mimg.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mimg.bed.BedTest;
import dev.mimg.model.Image;
import dev.mimg.model.Variant;
import dev.mimg.query.Stores;
import dev.mimg.store.ImageStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The containerd store on the snap engine's own containerd, namespace moby: every variant equals what the engine
 * says of it ({@code GET /images/json?manifests=1}), and changes go through that engine, which the plan says.
 */
@BedTest
class ContainerdMobyTest {

  static String spec(String extra) {
    return "containerd:" + System.getenv("MIMG_BED_SNAP_CONTAINERD") + "?namespace=moby" + extra;
  }

  /** id|variant digest -> platform, kind, available, content, unpacked, containers; plus each image's created. */
  private static Map<String, String> engineView() {
    Map<String, String> view = new TreeMap<>();
    for (JsonNode image : EngineState.raw()) {
      String id = image.path("Id").asText();
      view.put(id, "created " + image.path("Created").asLong() + " names " + sortedNames(image.path("RepoTags")));
      for (JsonNode manifest : image.path("Manifests")) {
        JsonNode platform = manifest.path("ImageData").path("Platform");
        if (platform.isMissingNode() || platform.isNull()) {
          platform = manifest.path("Descriptor").path("platform");
        }
        List<String> containers = new ArrayList<>();
        manifest.path("ImageData").path("Containers").forEach(c -> containers.add(c.asText()));
        containers.sort(null);
        view.put(id + "|" + manifest.path("ID").asText(), EngineState.platform(platform) + " "
            + manifest.path("Kind").asText() + " available=" + manifest.path("Available").asBoolean()
            + " content=" + manifest.path("Size").path("Content").asLong()
            + " unpacked=" + manifest.path("ImageData").path("Size").path("Unpacked").asLong()
            + " containers=" + containers);
      }
    }
    return view;
  }

  private static String sortedNames(JsonNode tags) {
    List<String> names = new ArrayList<>();
    tags.forEach(t -> names.add(t.asText()));
    names.sort(null);
    return names.toString();
  }

  private static Map<String, String> storeView(List<Image> images) {
    Map<String, String> view = new TreeMap<>();
    for (Image image : images) {
      List<String> names = new ArrayList<>(image.names().stream().map(n -> n.reference().familiarString()).toList());
      names.sort(null);
      view.put(image.id().toString(), "created " + image.created().getEpochSecond() + " names " + names);
      for (Variant v : image.variants()) {
        List<String> containers = new ArrayList<>(v.containers());
        containers.sort(null);
        view.put(image.id() + "|" + v.digest(), v.platform() + " " + v.kind().name().toLowerCase()
            + " available=" + v.available() + " content=" + v.contentSize() + " unpacked=" + v.unpackedSize()
            + " containers=" + containers);
      }
    }
    return view;
  }

  @Test
  void everyVariantEqualsTheEnginesListing() {
    try (ImageStore store = Stores.open(spec("&engine=" + System.getenv("MIMG_BED_SNAP_HOST")), false)) {
      Map<String, String> mine = storeView(store.images());
      Map<String, String> engine = engineView();
      assertThat(mine).isEqualTo(engine);
      assertThat(mine).hasSizeGreaterThan(25);
      assertThat(mine.values()).anyMatch(v -> v.contains("attestation"))
          .anyMatch(v -> v.contains("available=false")).anyMatch(v -> v.matches(".*unpacked=[1-9].*"))
          .anyMatch(v -> v.matches(".*containers=\\[.+\\].*"));
    }
  }

  @Test
  void containerdOfTheEngineIsTheOneItsInfoNames() {
    String host = System.getenv("MIMG_BED_SNAP_HOST");
    try (ImageStore store = Stores.open("containerd:engine?engine=" + host, false)) {
      assertThat(store.describe()).contains(System.getenv("MIMG_BED_SNAP_CONTAINERD")).contains("namespace moby");
      assertThat(storeView(store.images())).isEqualTo(engineView());
    }
    assertThatThrownBy(() -> Stores.open("containerd:engine?engine=unix:///nonexistent.sock", false))
        .hasMessageContaining("nonexistent.sock");
  }

  @Test
  void withoutTheEngineEverythingButContainerUseStillEqualsIt() {
    try (ImageStore store = Stores.open(spec("&engine=unix:///nonexistent.sock"), false)) {
      Map<String, String> mine = storeView(store.images());
      Map<String, String> engine = engineView();
      mine.replaceAll((k, v) -> v.replaceAll(" containers=.*", ""));
      engine.replaceAll((k, v) -> v.replaceAll(" containers=.*", ""));
      assertThat(mine).isEqualTo(engine);
    }
  }

  @Test
  void aPlanSaysTheEngineCarriesItOutAndWithoutOneItIsRefused() {
    String busybox = dev.mimg.bed.Bed.ref("mimg/busybox:1.36");
    EngineCliTest.Result withEngine = cli(spec("&engine=" + System.getenv("MIMG_BED_SNAP_HOST")), "rm", "--dry-run", "--platform", "linux/riscv64",
        busybox);
    assertThat(withEngine.code()).as(withEngine.err()).isZero();
    assertThat(withEngine.out() + withEngine.err()).contains("is dockerd's (read-only through containerd): these "
        + "changes go through the engine API of engine " + System.getenv("MIMG_BED_SNAP_HOST"));
    EngineCliTest.Result without = cli(spec("&engine=unix:///nonexistent.sock"), "rm", "--platform", "linux/riscv64",
        busybox);
    assertThat(without.code()).isNotZero();
    assertThat(without.err()).contains("is dockerd's and read-only here, and no engine answers: ")
        .contains("unix:///nonexistent.sock");
    assertThat(EngineState.summary(busybox).path("Id").asText()).isNotEmpty();
  }

  static EngineCliTest.Result cli(String store, String... args) {
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    String[] all = new String[args.length + 2];
    all[0] = "--store";
    all[1] = store;
    System.arraycopy(args, 0, all, 2, args.length);
    int code = dev.mimg.cli.Main.run(new java.io.PrintWriter(out), new java.io.PrintWriter(err), all);
    return new EngineCliTest.Result(code, out.toString(), err.toString());
  }
}
