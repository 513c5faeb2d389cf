package dev.mimg.render;

import java.util.List;
import java.util.Map;

/** Renders rows through a template the way Docker's formatter does: as an aligned table or one line per row. */
public final class TableRenderer {

  /** Docker's default {@code docker image ls} format. */
  public static final String DEFAULT_IMAGE_FORMAT =
      "table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}";

  private final GoTemplate template;
  private final Map<String, String> headers;

  /** A renderer for {@code template} whose table header texts come from {@code headers} (field -> header). */
  public TableRenderer(GoTemplate template, Map<String, String> headers) {
    this.template = template;
    this.headers = Map.copyOf(headers);
  }

  /**
   * Renders every row followed by a newline; a table also gets a header line and {@link TabWriter#docker()}
   * alignment.
   */
  public String render(List<? extends Map<String, ?>> rows) {
    StringBuilder text = new StringBuilder();
    if (template.isTable()) {
      text.append(template.renderHeader(headers)).append('\n');
    }
    for (Map<String, ?> row : rows) {
      text.append(template.render(row)).append('\n');
    }
    return template.isTable() ? TabWriter.docker().align(text.toString()) : text.toString();
  }
}
