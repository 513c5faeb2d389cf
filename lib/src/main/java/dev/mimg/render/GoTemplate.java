package dev.mimg.render;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code --format} template: the subset of Go's text/template that Docker's CLI formats use.
 *
 * <p>Supported: literal text, {@code {{.Field}}}, {@code {{.Field.Sub}}} (nested maps), {@code {{.}}},
 * the functions {@code json}, {@code upper}, {@code lower} and {@code join}, pipelines with {@code |},
 * string literals ({@code "..."}, {@code `...`}) and {@code {{-}} / {@code -}}} white-space trimming.
 * As in Docker, a leading {@code table} marks a table, surrounding spaces are trimmed and the
 * two-character sequences {@code \t} and {@code \n} become a real tab and newline before parsing.
 * Values print as Go prints them ({@code <no value>} when absent), except that a list prints as its
 * elements joined by {@code ", "}.
 */
public final class GoTemplate {

  private static final String TABLE_PREFIX = "table";

  private final boolean table;
  private final List<TemplateNode> nodes;

  private GoTemplate(boolean table, List<TemplateNode> nodes) {
    this.table = table;
    this.nodes = List.copyOf(nodes);
  }

  /** Parses a {@code --format} value; fields must name one of {@code knownFields}, else TemplateException. */
  public static GoTemplate parse(String format, Set<String> knownFields) {
    boolean table = format.startsWith(TABLE_PREFIX);
    String body = trimSpaces(table ? format.substring(TABLE_PREFIX.length()) : format)
        .replace("\\t", "\t")
        .replace("\\n", "\n");
    return new GoTemplate(table, TemplateParser.parse(body, knownFields));
  }

  /** Whether the format started with {@code table}: output gets a header line and aligned columns. */
  public boolean isTable() {
    return table;
  }

  /** Renders the template for one row of field values. */
  public String render(Map<String, ?> row) {
    return renderWith(new RowResolver(row));
  }

  /** Renders the header line: each field shows its entry in {@code headers}; functions pass text through. */
  public String renderHeader(Map<String, String> headers) {
    return renderWith(new HeaderResolver(headers));
  }

  private String renderWith(ValueResolver resolver) {
    StringBuilder out = new StringBuilder();
    for (TemplateNode node : nodes) {
      node.renderTo(out, resolver);
    }
    return out.toString();
  }

  /** Like Go's {@code strings.Trim(s, " ")}: removes leading and trailing spaces only. */
  private static String trimSpaces(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && text.charAt(start) == ' ') {
      start++;
    }
    while (end > start && text.charAt(end - 1) == ' ') {
      end--;
    }
    return text.substring(start, end);
  }
}
