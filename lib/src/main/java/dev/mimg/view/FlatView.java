package dev.mimg.view;

import dev.mimg.model.Image;
import dev.mimg.model.Selection;
import dev.mimg.model.RemoteSizes;
import dev.mimg.render.GoTemplate;
import dev.mimg.render.TableRenderer;
import dev.mimg.render.Terminal;
import java.util.ArrayList;
import java.util.TreeMap;
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
    return render(images, Selection.ALL, options, RemoteSizes.NOT_ASKED);
  }

  /** Renders the selected names of the images, with the registry's totals: SIZE as {@code present / total}. */
  public static String render(List<Image> images, Selection selection, ListingOptions options, RemoteSizes remote) {
    List<Map<String, Object>> rows = ImageRows.of(images, selection.names(), options.now(), options.noTrunc(), remote);
    if (options.quiet()) {
      StringBuilder out = new StringBuilder();
      for (Map<String, Object> row : rows) {
        out.append(row.get("ID")).append('\n');
      }
      return out.toString();
    }
    String table = ImageRows.spansStores(images) ? defaultFormat(options).replace("table ", "table {{.Store}}\t")
        : defaultFormat(options);
    String format = options.format() == null || options.format().equals("table") ? table
        : options.format().equals("json") ? "{{json .}}" : options.format();
    GoTemplate template = GoTemplate.parse(format, ImageRows.FIELDS);
    TableRenderer renderer = new TableRenderer(template, ImageRows.HEADERS);
    String text = renderer.render(rows);
    int overflow = widest(text) - options.width();
    if (template.isTable() && !options.noTrunc() && options.width() > 0 && overflow > 0) {
      text = renderer.render(truncatePlatforms(rows, overflow));
    }
    return text.isEmpty() || text.endsWith("\n") ? text : text + "\n";
  }

  /** Shortens the Platforms cells by {@code overflow} columns, keeping whole platforms and ", ...". */
  private static List<Map<String, Object>> truncatePlatforms(List<Map<String, Object>> rows, int overflow) {
    int longest = rows.stream().mapToInt(row -> String.valueOf(row.get("Platforms")).length()).max().orElse(0);
    int room = Math.max(longest - overflow, "linux/amd64, ...".length());
    List<Map<String, Object>> result = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      Map<String, Object> copy = new TreeMap<>(row);
      List<String> platforms = List.of(String.valueOf(row.get("Platforms")).split(", "));
      copy.put("Platforms", Terminal.truncateList(platforms, room));
      result.add(copy);
    }
    return result;
  }

  private static int widest(String text) {
    int widest = 0;
    for (String line : text.split("\n")) {
      widest = Math.max(widest, line.codePointCount(0, line.length()));
    }
    return widest;
  }
}
