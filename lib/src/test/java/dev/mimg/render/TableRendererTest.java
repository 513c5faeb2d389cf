package dev.mimg.render;

import static dev.mimg.render.TemplateFixtures.FIELDS;
import static dev.mimg.render.TemplateFixtures.HEADERS;
import static dev.mimg.render.TemplateFixtures.alpine;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableRendererTest {

  private static final Map<String, Object> TOOL = Row.empty()
      .with("Repository", "ghcr.io/acme/tool").with("Tag", "<none>").with("ID", "ffeeddccbbaa")
      .with("CreatedSince", "About an hour ago").with("Size", "120MB").fields();

  private static String render(String format, List<Map<String, Object>> rows) {
    return new TableRenderer(GoTemplate.parse(format, FIELDS), HEADERS).render(rows);
  }

  @Test
  void defaultFormatRendersAlignedDockerTable() {
    Map<String, Object> alpine = new Row(alpine()).with("Size", "7.8MB").fields();

    assertThat(render(TableRenderer.DEFAULT_IMAGE_FORMAT, List.of(alpine, TOOL))).isEqualTo(
        "REPOSITORY          TAG       IMAGE ID       CREATED             SIZE\n"
        + "alpine              3.19      0a1b2c3d4e5f   2 weeks ago         7.8MB\n"
        + "ghcr.io/acme/tool   <none>    ffeeddccbbaa   About an hour ago   120MB\n");
  }

  @Test
  void tableWithoutRowsPrintsHeaderOnly() {
    assertThat(render(TableRenderer.DEFAULT_IMAGE_FORMAT, List.of()))
        .isEqualTo("REPOSITORY   TAG       IMAGE ID   CREATED   SIZE\n");
  }

  @Test
  void tableKeepsLiteralHeaderTextAndAcceptsEscapedTabs() {
    assertThat(render("table {{.Repository}}:{{.Tag}}\\t{{.Size}}", List.of(alpine())))
        .isEqualTo("REPOSITORY:TAG   SIZE\nalpine:3.19      7800000\n");
  }

  @Test
  void nonTableFormatPrintsOneLinePerRowWithoutHeader() {
    assertThat(render("{{.Repository}}:{{.Tag}}\t{{.ID}}", List.of(alpine(), TOOL)))
        .isEqualTo("alpine:3.19\t0a1b2c3d4e5f\nghcr.io/acme/tool:<none>\tffeeddccbbaa\n");
  }

  @Test
  void jsonFormatPrintsOneObjectPerLine() {
    assertThat(render("{{json .}}", List.of(TOOL))).isEqualTo("{\"Repository\":\"ghcr.io/acme/tool\","
        + "\"Tag\":\"\\u003cnone\\u003e\",\"ID\":\"ffeeddccbbaa\",\"CreatedSince\":\"About an hour ago\","
        + "\"Size\":\"120MB\"}\n");
  }
}
