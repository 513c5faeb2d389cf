package dev.mimg.view;

import dev.mimg.model.DiskUse;
import dev.mimg.model.HumanSize;
import dev.mimg.model.Json;
import dev.mimg.model.JsonArray;
import dev.mimg.model.JsonObject;
import dev.mimg.render.GoTemplate;
import dev.mimg.render.TableRenderer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Disk use as {@code mimg df} prints it: a table (with a proportional bar per row on a terminal, and a TOTAL line),
 * a Go template per row, or JSON with sizes in bytes.
 */
public final class DiskUseView {

  /** The template fields of a row (sizes human-readable, as Docker's templates show them). */
  public static final Set<String> FIELDS = Set.of("Key", "Platform", "Repository", "Image", "Variants", "Missing",
      "Content", "Unpacked", "DiskUsage", "Shared", "SharedWith", "Reclaimable", "MissingSize", "Bar", "Store");

  private static final int BAR_WIDTH = 20;
  private static final int SHARED_WITH_SHOWN = 2;

  private DiskUseView() {
  }

  /**
   * The disk use as {@code format} says: null or "table" the default table, "json" the JSON document, else a Go
   * template applied to each row; {@code bars}: draw a bar per table row ({@code unicode}: with block characters).
   */
  public static String render(DiskUse use, String format, boolean bars, boolean unicode) {
    if ("json".equals(format)) {
      return json(use) + "\n";
    }
    boolean remote = use.total().missingRemoteBytes() >= 0;
    boolean table = format == null || format.isEmpty() || format.equals("table");
    boolean fleet = use.rows().stream().anyMatch(row -> row.store() != null);
    String template = table ? (fleet ? "table {{.Store}}\t" : "table ")
        + defaultFormat(use.by(), remote, bars).substring("table ".length()) : format;
    List<Map<String, Object>> rows = new ArrayList<>();
    long widest = use.rows().stream().mapToLong(DiskUse.Row::diskUsage).max().orElse(0);
    for (DiskUse.Row row : use.rows()) {
      rows.add(fields(use.by(), row, bar(row.diskUsage(), widest, unicode)));
    }
    GoTemplate parsed = GoTemplate.parse(template, FIELDS);
    if (parsed.isTable() && !use.rows().isEmpty()) {
      rows.add(fields(use.by(), use.total(), ""));
    }
    return new TableRenderer(parsed, headers(use.by())).render(rows);
  }

  private static String defaultFormat(DiskUse.By by, boolean remote, boolean bars) {
    return "table {{." + keyField(by) + "}}\t{{.Variants}}\t{{.Missing}}" + (remote ? "\t{{.MissingSize}}" : "")
        + "\t{{.Content}}\t{{.Unpacked}}\t{{.DiskUsage}}\t{{.Shared}}\t{{.Reclaimable}}\t{{.SharedWith}}"
        + (bars ? "\t{{.Bar}}" : "");
  }

  private static String keyField(DiskUse.By by) {
    return switch (by) {
      case PLATFORM -> "Platform";
      case REPOSITORY -> "Repository";
      case IMAGE -> "Image";
    };
  }

  private static Map<String, String> headers(DiskUse.By by) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Key", by.name());
    headers.put("Platform", "PLATFORM");
    headers.put("Repository", "REPOSITORY");
    headers.put("Image", "IMAGE");
    headers.put("Variants", "VARIANTS");
    headers.put("Missing", "MISSING");
    headers.put("MissingSize", "MISSING SIZE");
    headers.put("Content", "CONTENT");
    headers.put("Unpacked", "UNPACKED");
    headers.put("DiskUsage", "DISK USAGE");
    headers.put("Shared", "SHARED");
    headers.put("SharedWith", "SHARED WITH");
    headers.put("Reclaimable", "RECLAIMABLE");
    headers.put("Bar", "");
    headers.put("Store", "STORE");
    return headers;
  }

  private static Map<String, Object> fields(DiskUse.By by, DiskUse.Row row, String bar) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("Key", row.key());
    fields.put(keyField(by), row.key());
    fields.put("Variants", String.valueOf(row.variants()));
    fields.put("Missing", String.valueOf(row.missing()));
    fields.put("MissingSize", row.missingRemoteBytes() < 0 ? "" : HumanSize.format(row.missingRemoteBytes()));
    fields.put("Content", HumanSize.format(row.content()));
    fields.put("Unpacked", HumanSize.format(row.unpacked()));
    fields.put("DiskUsage", HumanSize.format(row.diskUsage()));
    fields.put("Shared", HumanSize.format(row.shared()));
    fields.put("SharedWith", sharedWith(row.sharedWith()));
    fields.put("Reclaimable", HumanSize.format(row.reclaimable()));
    fields.put("Bar", bar);
    fields.put("Store", row.store() == null ? "" : row.store());
    for (String field : FIELDS) {
      fields.putIfAbsent(field, "");
    }
    return fields;
  }

  private static String sharedWith(List<String> rows) {
    if (rows.size() <= SHARED_WITH_SHOWN) {
      return String.join(", ", rows);
    }
    return String.join(", ", rows.subList(0, SHARED_WITH_SHOWN)) + ", +" + (rows.size() - SHARED_WITH_SHOWN);
  }

  /** A bar of {@code value} against {@code widest}, in eighths of a cell with Unicode blocks, else in '#'. */
  static String bar(long value, long widest, boolean unicode) {
    if (widest <= 0) {
      return "";
    }
    int eighths = (int) Math.round(8.0 * BAR_WIDTH * value / widest);
    if (!unicode) {
      return "#".repeat((eighths + 4) / 8);
    }
    String partial = eighths % 8 == 0 ? "" : String.valueOf((char) ('\u2590' - eighths % 8));
    return "\u2588".repeat(eighths / 8) + partial;
  }

  /** The JSON document: By, Rows and Total, sizes in bytes (MissingSize null when the registry was not asked). */
  public static String json(DiskUse use) {
    JsonObject root = Json.object();
    root.put("By", use.by().name().toLowerCase(Locale.ROOT));
    JsonArray rows = root.putArray("Rows");
    use.rows().forEach(row -> row(rows.addObject(), row));
    row(root.putObject("Total"), use.total());
    return root.toString();
  }

  private static void row(JsonObject node, DiskUse.Row row) {
    if (row.store() != null) {
      node.put("Store", row.store());
    }
    node.put("Key", row.key());
    node.put("Variants", row.variants());
    node.put("Missing", row.missing());
    if (row.missingRemoteBytes() >= 0) {
      node.put("MissingSize", row.missingRemoteBytes());
    } else {
      node.set("MissingSize", Json.nullValue());
    }
    node.put("Content", row.content());
    node.put("Unpacked", row.unpacked());
    node.put("DiskUsage", row.diskUsage());
    node.put("Shared", row.shared());
    JsonArray with = node.putArray("SharedWith");
    row.sharedWith().forEach(with::add);
    node.put("Reclaimable", row.reclaimable());
  }
}
