package dev.mimg.render;

import java.util.List;
import java.util.Map;

/** Cheap facts about the output terminal, and fitting text into its width. */
public final class Terminal {

  private static final String SEPARATOR = ", ";
  private static final String ELLIPSIS = "...";

  private Terminal() {
  }

  /** The terminal width from the {@code COLUMNS} environment variable, or 0 when unknown. */
  public static int width() {
    return widthFrom(System.getenv());
  }

  /** The width {@code COLUMNS} gives in {@code environment}: a positive integer, else 0. */
  static int widthFrom(Map<String, String> environment) {
    try {
      return Math.max(0, Integer.parseInt(environment.getOrDefault("COLUMNS", "").trim()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** Whether standard input and output are attached to an interactive console. */
  public static boolean isTty() {
    return System.console() != null;
  }

  /**
   * Joins {@code items} with {@code ", "}; if that is wider than {@code maxWidth} code points, keeps the
   * most leading whole items that fit followed by {@code ", ..."} (just {@code "..."} if none fit).
   * A {@code maxWidth} of 0 or less means no limit.
   */
  public static String truncateList(List<String> items, int maxWidth) {
    String all = String.join(SEPARATOR, items);
    if (maxWidth <= 0 || width(all) <= maxWidth) {
      return all;
    }
    for (int kept = items.size() - 1; kept > 0; kept--) {
      String shortened = String.join(SEPARATOR, items.subList(0, kept)) + SEPARATOR + ELLIPSIS;
      if (width(shortened) <= maxWidth) {
        return shortened;
      }
    }
    return ELLIPSIS;
  }

  private static int width(String text) {
    return text.codePointCount(0, text.length());
  }
}
