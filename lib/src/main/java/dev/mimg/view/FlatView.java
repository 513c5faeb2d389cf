package dev.mimg.view;

import dev.mimg.model.Image;
import dev.mimg.render.GoTemplate;
import dev.mimg.render.TableRenderer;
import dev.mimg.render.Terminal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The flat listing, one row per tag, as {@code docker image ls} prints it plus a PLATFORMS column. */
public final class FlatView {

  private FlatView() {
  }

  /** The default table: Docker's columns with PLATFORMS before SIZE, DIGEST after TAG when asked. */
  public static String defaultFormat(ListingOptions options) {
    return "table {{.Repository}}\t{{.Tag}}\t" + (options.digests() ? "{{.Digest}}\t" : "")
        + "{{.ID}}\t{{.CreatedSince}}\t" + (options.counts() ? "{{.PlatformCount}}" : "{{.Platforms}}") + "\t{{.Size}}";
  }

  /** Renders the images: a table, one template line per row, or with {@code quiet} just the ids. */
  public static String render(List<Image> images, ListingOptions options) {
    List<Map<String, Object>> rows = ImageRows.of(images, options.now(), options.noTrunc());
    if (options.quiet()) {
      StringBuilder out = new StringBuilder();
      rows.forEach(row -> out.append(row.get("ID")).append('\n'));
      return out.toString();
    }
    String format = options.format() == null || options.format().equals("table") ? defaultFormat(options)
        : options.format().equals("json") ? "{{json .}}" : options.format();
    GoTemplate template = GoTemplate.parse(format, ImageRows.FIELDS);
    if (template.isTable() && !options.noTrunc() && options.width() > 0) {
      rows = truncatePlatforms(rows, options.width());
    }
    String text = new TableRenderer(template, ImageRows.HEADERS).render(rows);
    return text.isEmpty() || text.endsWith("\n") ? text : text + "\n";
  }

  /** Shortens the Platforms cells so that a default-width row fits the terminal. */
  private static List<Map<String, Object>> truncatePlatforms(List<Map<String, Object>> rows, int width) {
    int others = 0;
    for (String field : List.of("Repository", "Tag", "ID", "CreatedSince", "Size")) {
      int max = ImageRows.HEADERS.get(field).length();
      for (Map<String, Object> row : rows) {
        max = Math.max(max, String.valueOf(row.get(field)).length());
      }
      others += Math.max(max + 3, 10);
    }
    int room = Math.max(width - others - 3, "linux/amd64, ...".length());
    List<Map<String, Object>> result = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      Map<String, Object> copy = new LinkedHashMap<>(row);
      List<String> platforms = List.of(String.valueOf(row.get("Platforms")).split(", "));
      copy.put("Platforms", Terminal.truncateList(platforms, room));
      result.add(copy);
    }
    return result;
  }
}
