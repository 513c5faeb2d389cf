package dev.mimg.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mimg.bed.Bed;
import dev.mimg.bed.BedTest;
import dev.mimg.model.HumanSize;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example notebooks, executed headless in a real Jupyter with the Java kernel: their tables hold what the store
 * itself says (the layout's files, the engine's API), their charts are PNGs, no cell fails; one rendered to HTML
 * and shown in headless Chromium. A cell that fails shows one line, and the kernel lives on when the engine goes.
 */
@BedTest
class NotebookTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path NOTEBOOKS = Notebooks.root().resolve("examples/notebooks");
  private static final int BAR_BLUE = new Color(0x1f, 0x77, 0xb4).getRGB();

  private static Map<String, String> engineEnv() {
    return Map.of("DOCKER_HOST", System.getenv("MIMG_BED_SNAP_HOST"));
  }

  @Test
  void theExampleStoreNotebookShowsTheLayoutsImagesPlatformsAndCharts(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("example-store.ipynb");
    List<JsonNode> cells = Notebooks.execute(NOTEBOOKS.resolve("example-store.ipynb"), out, Map.of(), false);
    assertThat(Notebooks.errors(cells)).isEmpty();

    Path store = Notebooks.root().resolve("examples/store");
    Set<String> images = new TreeSet<>();
    Set<String> present = new TreeSet<>();
    Set<String> missing = new TreeSet<>();
    for (JsonNode entry : JSON.readTree(store.resolve("index.json").toFile()).path("manifests")) {
      String name = entry.path("annotations").path("org.opencontainers.image.ref.name").asText();
      Set<String> platforms = new TreeSet<>();
      for (String[] variant : variants(store, entry)) {
        (variant[1].equals("yes") ? present : missing).add(name + " " + variant[0]);
        if (variant[1].equals("yes")) {
          platforms.add(variant[0]);
        }
      }
      int colon = name.lastIndexOf(':');
      images.add(name.substring(0, colon) + " " + name.substring(colon + 1) + " "
          + entry.path("digest").asText().substring(7, 19) + " " + String.join(", ", platforms));
    }
    Set<String> listed = new TreeSet<>();
    for (List<String> row : Notebooks.rows(Notebooks.cell(cells, "images(store)"))) {
      String[] platforms = row.get(4).split(", ");
      java.util.Arrays.sort(platforms);
      listed.add(row.get(0) + " " + row.get(1) + " " + row.get(2) + " " + String.join(", ", platforms));
    }
    assertThat(listed).isEqualTo(images);
    assertThat(nameAndPlatform(Notebooks.cell(cells, "images(store).variants()"))).isEqualTo(present);
    assertThat(nameAndPlatform(Notebooks.cell(cells, "images(store).variants().missing()"))).isEqualTo(missing);
    assertThat(missing).isNotEmpty();

    List<List<String>> df = Notebooks.rows(Notebooks.cell(cells, "images(store).diskUse()"));
    long blobs = 0;
    try (var files = Files.list(store.resolve("blobs/sha256"))) {
      for (Path blob : files.toList()) {
        blobs += isIndex(blob) ? 0 : Files.size(blob);
      }
    }
    assertThat(df.get(df.size() - 1)).as("TOTAL: the blob files, indexes aside")
        .startsWith("TOTAL").contains(HumanSize.format(blobs));
    for (String chart : List.of("Charts.diskUseChart(images(store).diskUse())",
        "Charts.diskUseChart(images(store).diskUse(DiskUse.By.REPOSITORY))")) {
      BufferedImage png = Notebooks.png(Notebooks.cell(cells, chart));
      assertThat(Notebooks.colours(png)).as(chart).isGreaterThan(3);
    }
    screenshotOfTheRenderedNotebookShowsTheTableAndTheChart(out, dir);
  }

  /** nbconvert to HTML, then Chromium headless: the page shows a table's text and the chart's bars. */
  private static void screenshotOfTheRenderedNotebookShowsTheTableAndTheChart(Path executed, Path dir)
      throws IOException {
    Bed.run(List.of("/usr/bin/jupyter-nbconvert", "--to", "html", "--output-dir=" + dir, executed.toString()),
        Map.of());
    Path html = dir.resolve("example-store.html");
    assertThat(Files.readString(html)).contains("<table class=\"mimg-listing\">").contains("data:image/png;base64,");
    Path shot = Path.of("target/notebook-screenshot.png").toAbsolutePath();
    Files.deleteIfExists(shot);
    Bed.run(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + Files.createDirectory(dir.resolve("chromium")), "--hide-scrollbars",
        "--window-size=1200,4000", "--screenshot=" + shot, html.toUri().toString()), Map.of());
    BufferedImage page = ImageIO.read(shot.toFile());
    assertThat(page).as("chromium wrote %s", shot).isNotNull();
    long blue = 0;
    long dark = 0;
    for (int x = 0; x < page.getWidth(); x++) {
      for (int y = 0; y < page.getHeight(); y++) {
        int rgb = page.getRGB(x, y);
        blue += rgb == BAR_BLUE ? 1 : 0;
        Color c = new Color(rgb);
        dark += c.getRed() + c.getGreen() + c.getBlue() < 150 ? 1 : 0;
      }
    }
    assertThat(Notebooks.colours(page)).as("not a blank page").isGreaterThan(20);
    assertThat(blue).as("the chart's bars are on the page").isGreaterThan(5_000);
    assertThat(dark).as("text (the tables) is on the page").isGreaterThan(5_000);
  }

  @Test
  void theLocalEngineNotebookAgreesWithTheEnginesApi(@TempDir Path dir) throws IOException {
    List<JsonNode> cells = Notebooks.execute(NOTEBOOKS.resolve("local-engine.ipynb"),
        dir.resolve("local-engine.ipynb"), engineEnv(), false);
    assertThat(Notebooks.errors(cells)).isEmpty();
    Set<String> shallowIds = new TreeSet<>();
    Set<String> shallowTags = new TreeSet<>();
    int missingVariants = 0;
    Set<String> containers = new TreeSet<>();
    for (JsonNode image : EngineState.raw()) {
      int gone = 0;
      for (JsonNode manifest : image.path("Manifests")) {
        gone += manifest.path("Kind").asText().equals("image") && !manifest.path("Available").asBoolean() ? 1 : 0;
      }
      if (gone > 0) {
        shallowIds.add(image.path("Id").asText().substring(7, 19));
        image.path("RepoTags").forEach(tag -> {
          if (!tag.asText().contains("@")) {  // the engine lists an image pulled by digest as repo@digest there
            shallowTags.add(tag.asText());
          }
        });
        missingVariants += gone;
      }
    }
    List<List<String>> shallow = Notebooks.rows(Notebooks.cell(cells, "images(engine).shallow()"));
    Set<String> listedIds = new TreeSet<>();
    Set<String> listedTags = new TreeSet<>();
    for (List<String> row : shallow) {
      listedIds.add(row.get(2));
      if (!row.get(1).equals("<none>")) {
        listedTags.add(row.get(0) + ":" + row.get(1));
      }
    }
    assertThat(listedIds).isEqualTo(shallowIds);
    assertThat(listedTags).isEqualTo(shallowTags);
    assertThat(Notebooks.rows(Notebooks.cell(cells, "images(engine).shallow().variants().missing()")))
        .hasSize(missingVariants);

    Map<String, long[]> engine = EngineState.perPlatform();
    Map<String, long[]> shown = new HashMap<>();
    JsonNode byPlatform = Notebooks.cell(cells,
        "var byPlatform = images(engine).diskUseWithRemoteSizes(DiskUse.By.PLATFORM);\nbyPlatform");
    for (List<String> row : Notebooks.rows(byPlatform)) {
      if (!row.get(0).equals("TOTAL")) {
        shown.put(row.get(0), new long[] {Long.parseLong(row.get(1)), Long.parseLong(row.get(2))});
      }
    }
    assertThat(shown.keySet()).isEqualTo(engine.keySet());
    engine.forEach((platform, row) -> assertThat(shown.get(platform)).as(platform).containsExactly(row[0], row[1]));
    BufferedImage chart = Notebooks.png(Notebooks.cell(cells, "Charts.diskUseChart(byPlatform)"));
    assertThat(Notebooks.colours(chart)).isGreaterThan(3);

    for (String line : Bed.docker("ps", "-a", "--format", "{{.Names}}").split("\n")) {
      if (!line.isBlank()) {
        containers.add(line.strip());
      }
    }
    Set<String> printed = new TreeSet<>();
    JsonNode perVariant = cells.get(cells.size() - 1);
    for (String line : Notebooks.stdout(perVariant).split("\n")) {
      for (String name : line.substring(line.indexOf(": ") + 2).split(", ")) {
        printed.add(name);
      }
    }
    assertThat(printed).as("every container, by the variant it holds").isEqualTo(containers);
  }

  @Test
  void thePrunePolicyNotebookPlansDryRunsThenRemovesWhatTheEngineListsAsSuch(@TempDir Path dir) throws IOException {
    List<JsonNode> targets = new ArrayList<>();
    Set<String> inUse = new HashSet<>();
    for (String id : Bed.docker("ps", "-aq").split("\n")) {
      if (!id.isBlank()) {
        inUse.add(Bed.docker("inspect", "--format", "{{.Image}}", id.strip()).strip());
      }
    }
    for (JsonNode image : EngineState.raw()) {
      boolean tagged = false;
      for (JsonNode tag : image.path("RepoTags")) {
        tagged |= !tag.asText().contains("@");  // an image pulled by digest is listed as repo@digest there
      }
      if (!tagged && !image.path("RepoDigests").isEmpty() && !inUse.contains(image.path("Id").asText())) {
        targets.add(image);
      }
    }
    assertThat(targets).as("the bed's mimg/bydigest, at least").isNotEmpty();
    try {
      List<JsonNode> cells = Notebooks.execute(NOTEBOOKS.resolve("prune-policy.ipynb"),
          dir.resolve("prune-policy.ipynb"), engineEnv(), false);
      assertThat(Notebooks.errors(cells)).isEmpty();
      Set<String> expected = new TreeSet<>();
      targets.forEach(image -> expected.add("remove " + image.path("Id").asText().substring(7, 19)));
      Set<String> planned = new TreeSet<>();
      for (List<String> row : Notebooks.rows(Notebooks.cell(cells, "var plan = policy.removal().plan();\nplan"))) {
        planned.add(row.get(0) + " " + row.get(3));
      }
      assertThat(planned).isEqualTo(expected);
      assertThat(Notebooks.png(Notebooks.cell(cells, "Charts.planChart(plan)"))).isNotNull();
      assertThat(Notebooks.data(Notebooks.cell(cells, "policy.dryRun().removal().remove()"), "text/plain"))
          .contains("dry run: would remove " + targets.size() + ", skip 0").contains("nothing changed");
      assertThat(Notebooks.data(Notebooks.cell(cells, "policy.removal().remove(plan)"), "text/plain"))
          .contains("removed " + targets.size() + ", skipped 0");
      for (JsonNode image : targets) {
        String id = image.path("Id").asText();
        assertThat(listed(id)).as("the engine still lists %s", id).isFalse();
      }
      assertThat(Notebooks.rows(Notebooks.cell(cells, "images(engine).untagged().dangling(false).unused()")))
          .isEmpty();
    } finally {
      restore(targets);
    }
  }

  /** Pulls each removed image back by digest, the platforms it had. */
  private static void restore(List<JsonNode> images) {
    for (JsonNode image : images) {
      String byDigest = image.path("RepoDigests").get(0).asText();
      if (listed(image.path("Id").asText())) {
        continue;
      }
      for (String platform : EngineState.available(image)) {
        Bed.docker("pull", "-q", "--platform", platform, byDigest);
      }
    }
  }

  @Test
  void aFailingCellShowsOneLineAndTheKernelOutlivesTheEngine(@TempDir Path dir) throws IOException {
    Path notebook = Path.of("src/test/resources/notebooks/engine-goes-away.ipynb").toAbsolutePath();
    try (EngineProxy proxy = EngineProxy.goingAwayAfter(Files.createTempDirectory("nb"), 1,
        line -> line.contains("/images/json"))) {
      List<JsonNode> cells = Notebooks.execute(notebook, dir.resolve("away.ipynb"),
          Map.of("MIMG_TEST_ENGINE", "engine:" + proxy.host(),
              "MIMG_TEST_LAYOUT", Notebooks.root().resolve("examples/store").toString()), true);
      assertThat(proxy.gone()).isTrue();
      assertThat(Notebooks.data(Notebooks.cell(cells, "engine.images().size()"), "text/html"))
          .isEqualTo(String.valueOf(EngineState.raw().size()));
      List<String> errors = Notebooks.errors(cells);
      assertThat(errors).hasSize(2);
      assertThat(errors.get(0)).as("one line, no stack trace").doesNotContain("\n   at ")
          .contains("StoreUnavailableException: cannot reach the Docker engine at " + proxy.host());
      assertThat(errors.get(1)).doesNotContain("\n   at ")
          .contains("InvalidInputException: invalid platform \"linux/\"");
      assertThat(Notebooks.data(cells.get(cells.size() - 1), "text/html")).as("the kernel still answers")
          .isEqualTo("4");
    }
  }

  private static boolean listed(String id) {
    for (JsonNode image : EngineState.raw()) {
      if (image.path("Id").asText().equals(id)) {
        return true;
      }
    }
    return false;
  }

  /** Each platform variant an OCI layout entry names: {platform, "yes" when its manifest is in the blobs}. */
  private static List<String[]> variants(Path store, JsonNode entry) throws IOException {
    Path blob = blob(store, entry.path("digest").asText());
    JsonNode document = JSON.readTree(blob.toFile());
    List<String[]> variants = new ArrayList<>();
    if (!entry.path("mediaType").asText().contains("index")) {
      JsonNode config = JSON.readTree(blob(store, document.path("config").path("digest").asText()).toFile());
      variants.add(new String[] {config.path("os").asText() + "/" + config.path("architecture").asText(), "yes"});
      return variants;
    }
    for (JsonNode child : document.path("manifests")) {
      if (child.path("annotations").has("vnd.docker.reference.type")) {
        continue;
      }
      variants.add(new String[] {EngineState.platform(child.path("platform")),
          Files.exists(blob(store, child.path("digest").asText())) ? "yes" : "no"});
    }
    return variants;
  }

  private static Path blob(Path store, String digest) {
    return store.resolve("blobs/sha256").resolve(digest.substring("sha256:".length()));
  }

  private static boolean isIndex(Path blob) throws IOException {
    String head = new String(Files.readAllBytes(blob), java.nio.charset.StandardCharsets.ISO_8859_1);
    return head.startsWith("{") && head.contains("\"application/vnd.oci.image.index.v1+json\"")
        && head.contains("\"manifests\"");
  }

  private static Set<String> nameAndPlatform(JsonNode cell) {
    Set<String> rows = new TreeSet<>();
    Notebooks.rows(cell).forEach(row -> rows.add(row.get(0) + " " + row.get(1)));
    return rows;
  }
}
