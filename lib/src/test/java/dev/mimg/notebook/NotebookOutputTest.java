package dev.mimg.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimg.model.DiskUse;
import dev.mimg.query.ImageQuery;
import dev.mimg.query.Mimg;
import dev.mimg.query.RemovalPlan;
import dev.mimg.store.ImageStore;
import dev.mimg.store.oci.OciLayoutStore;
import dev.mimg.view.ListingOptions;
import dev.mimg.view.Listings;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.rapaio.jupyter.kernel.display.DisplayRenderer;

/** The notebook outputs of the example store: HTML tables with the CLI's figures, and a chart that is a picture. */
class NotebookOutputTest {

  private static ImageStore store() {
    return OciLayoutStore.open(Path.of("../examples/store"));
  }

  @Test
  void aListingIsAnHtmlTableWithOneRowPerNameAndTheCliSizes() {
    try (ImageStore store = store()) {
      String html = Html.listing(Mimg.images(store).listing());
      assertThat(html).startsWith("<table class=\"mimg-listing\">").contains("<th>PLATFORMS</th>")
          .contains("<td>linux/amd64, linux/arm64/v8</td>");
      assertThat(html.split("<tr>", -1)).hasSize(1 + 1 + 4);
    }
  }

  @Test
  void diskUseIsATableWithATotalRowAndEscapesText() {
    try (ImageStore store = store()) {
      String html = Html.diskUse(Mimg.images(store).diskUse());
      assertThat(html).contains("<td>TOTAL</td>").contains("<td>260kB</td>");
      assertThat(Html.escape("<none> & \"x\"")).isEqualTo("&lt;none&gt; &amp; &quot;x&quot;");
    }
  }

  @Test
  void theDiskUseChartIsAPngThatIsNotBlank() throws IOException {
    try (ImageStore store = store()) {
      DiskUse use = Mimg.images(store).diskUse(DiskUse.By.REPOSITORY);
      Chart chart = Charts.diskUseChart(use);
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(chart.png()));
      assertThat(image.getWidth()).isGreaterThan(500);
      Set<Integer> colours = new HashSet<>();
      for (int x = 0; x < image.getWidth(); x += 2) {
        for (int y = 0; y < image.getHeight(); y += 2) {
          colours.add(image.getRGB(x, y));
        }
      }
      assertThat(colours).as("bars, axes and text, not a blank canvas").hasSizeGreaterThan(3)
          .contains(new Color(0x1f, 0x77, 0xb4).getRGB());
      assertThat(chart.title()).isEqualTo("Disk use by repository");
    }
  }

  @Test
  void theKernelShowsAQueryAsHtmlWithTheCliTableAsText() {
    try (ImageStore store = store()) {
      ImageQuery query = Mimg.images(store);
      DisplayRenderer renderer = new KernelDisplay().getDisplayRenderers().stream()
          .filter(r -> r.rendererClass() == ImageQuery.class).findFirst().orElseThrow();
      Map<String, Object> data = renderer.render(null, query).data();
      assertThat(data.get("text/html")).isEqualTo(Html.listing(query.listing()));
      assertThat(data.get("text/plain")).isEqualTo(Listings.render(query.list(), query.listing().selection(),
          ListingOptions.defaults(), query.listing().remote()));
    }
  }

  @Test
  void aPlanChartHasABarPerStepLabelledWithAShortDigest() throws IOException {
    assertThat(Charts.label("r/x@sha256:3045bb409f59caa6289696916b915bcc9bf43c1a7f9f436ad48c0f8836da2d95", "all"))
        .isEqualTo("r/x@sha256:3045bb409f59 all");
    assertThat(Charts.label("r/x:1", "linux/amd64")).isEqualTo("r/x:1 linux/amd64");
    try (ImageStore store = store()) {
      RemovalPlan plan = Mimg.images(store).platform("linux/arm64/v8").removal().plan();
      assertThat(plan.steps()).hasSize(1);
      Chart chart = Charts.planChart(plan);
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(chart.png()));
      int removed = new Color(0x1f, 0x77, 0xb4).getRGB();
      long barPixels = 0;
      for (int x = 0; x < image.getWidth(); x++) {
        for (int y = 0; y < image.getHeight(); y++) {
          barPixels += image.getRGB(x, y) == removed ? 1 : 0;
        }
      }
      assertThat(barPixels).as("one wide bar in the removed colour").isGreaterThan(10_000);
    }
  }
}
