package dev.mimg.notebook;

import dev.mimg.model.DiskUse;
import dev.mimg.model.HumanSize;
import dev.mimg.model.ImageVariant;
import dev.mimg.query.Listing;
import dev.mimg.query.RemovalPlan;
import dev.mimg.query.RemovalReport;
import dev.mimg.view.ImageRows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** mimg's results as HTML tables for a notebook: the same columns and figures as the CLI's tables. */
public final class Html {

  private Html() {
  }

  /** A listing as {@code ls} shows it: REPOSITORY, TAG, IMAGE ID, CREATED, PLATFORMS, SIZE (present / total). */
  public static String listing(Listing listing) {
    List<Map<String, Object>> rows = ImageRows.of(listing.images(), listing.selection().names(), Instant.now(), false,
        listing.remote());
    List<List<String>> cells = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      cells.add(List.of(text(row.get("Repository")), text(row.get("Tag")), text(row.get("ID")),
          text(row.get("CreatedSince")), text(row.get("Platforms")), text(row.get("Size"))));
    }
    return table("mimg-listing", List.of("REPOSITORY", "TAG", "IMAGE ID", "CREATED", "PLATFORMS", "SIZE"), cells);
  }

  /** Variants with their images: IMAGE, PLATFORM, VARIANT ID, SIZE, AVAILABLE, CONTAINERS. */
  public static String variants(List<ImageVariant> variants) {
    List<List<String>> cells = new ArrayList<>();
    for (ImageVariant v : variants) {
      cells.add(List.of(v.name(), v.platform().toString(), v.variant().shortId(), HumanSize.format(v.contentSize()),
          v.isPresent() ? "yes" : "no", String.valueOf(v.containers().size())));
    }
    return table("mimg-variants", List.of("IMAGE", "PLATFORM", "VARIANT ID", "SIZE", "AVAILABLE", "CONTAINERS"),
        cells);
  }

  /** Disk use as {@code df} shows it, with its TOTAL row. */
  public static String diskUse(DiskUse use) {
    boolean remote = use.total().missingRemoteBytes() >= 0;
    List<List<String>> cells = new ArrayList<>();
    for (DiskUse.Row row : use.rows()) {
      cells.add(diskUseRow(row, remote));
    }
    cells.add(diskUseRow(use.total(), remote));
    List<String> header = new ArrayList<>(List.of(use.by().name(), "VARIANTS", "MISSING"));
    if (remote) {
      header.add("MISSING SIZE");
    }
    header.addAll(List.of("CONTENT", "UNPACKED", "DISK USAGE", "SHARED", "RECLAIMABLE", "SHARED WITH"));
    return table("mimg-disk-use", header, cells);
  }

  private static List<String> diskUseRow(DiskUse.Row row, boolean remote) {
    List<String> cells = new ArrayList<>(List.of(row.key(), String.valueOf(row.variants()),
        String.valueOf(row.missing())));
    if (remote) {
      cells.add(HumanSize.format(row.missingRemoteBytes()));
    }
    cells.addAll(List.of(HumanSize.format(row.content()), HumanSize.format(row.unpacked()),
        HumanSize.format(row.diskUsage()), HumanSize.format(row.shared()), HumanSize.format(row.reclaimable()),
        String.join(", ", row.sharedWith())));
    return cells;
  }

  /** A removal plan: one row per step (remove, untag) and per refusal (keep, with the reason). */
  public static String plan(RemovalPlan plan) {
    List<List<String>> cells = new ArrayList<>();
    for (RemovalPlan.Step step : plan.steps()) {
      cells.add(List.of(step.verb(), step.name(), step.platform(), step.id(), HumanSize.format(step.bytes()),
          step.note()));
    }
    for (RemovalPlan.Refusal refusal : plan.refusals()) {
      cells.add(List.of("keep", refusal.name(), refusal.platform(), refusal.id(), HumanSize.format(refusal.bytes()),
          refusal.reason()));
    }
    return table("mimg-plan", List.of("ACTION", "IMAGE", "PLATFORM", "ID", "SIZE", "NOTE"), cells)
        + paragraph(plan.steps().size() + " to remove, " + plan.refusals().size() + " kept; "
        + HumanSize.format(plan.bytes()) + " to reclaim");
  }

  /** A removal report: what was removed (or, in a dry run, would be) and what was skipped, with its summary. */
  public static String report(RemovalReport report) {
    List<List<String>> cells = new ArrayList<>();
    for (RemovalPlan.Step step : report.removed()) {
      cells.add(List.of((report.dryRun() ? "would " : "") + step.verb(), step.name(), step.platform(), step.id(),
          HumanSize.format(step.bytes()), ""));
    }
    for (RemovalPlan.Refusal refusal : report.skipped()) {
      cells.add(List.of("skipped", refusal.name(), refusal.platform(), refusal.id(),
          HumanSize.format(refusal.bytes()), refusal.reason()));
    }
    return table("mimg-report", List.of("ACTION", "IMAGE", "PLATFORM", "ID", "SIZE", "NOTE"), cells)
        + paragraph(report.summary());
  }

  /** A one-line error as the CLI prints it. */
  public static String error(String message) {
    return "<pre class=\"mimg-error\" style=\"color:#b00020\">mimg: " + escape(message) + "</pre>";
  }

  static String table(String cssClass, List<String> header, List<List<String>> rows) {
    StringBuilder html = new StringBuilder("<table class=\"" + cssClass + "\">\n<thead><tr>");
    header.forEach(cell -> html.append("<th>").append(escape(cell)).append("</th>"));
    html.append("</tr></thead>\n<tbody>\n");
    for (List<String> row : rows) {
      html.append("<tr>");
      row.forEach(cell -> html.append("<td>").append(escape(cell)).append("</td>"));
      html.append("</tr>\n");
    }
    return html.append("</tbody>\n</table>\n").toString();
  }

  private static String paragraph(String text) {
    return "<p>" + escape(text) + "</p>\n";
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }

  /** Text as HTML: &amp;, &lt;, &gt; and quotes escaped. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
