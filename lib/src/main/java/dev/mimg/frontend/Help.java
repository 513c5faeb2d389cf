package dev.mimg.frontend;

import java.util.ArrayList;
import java.util.List;

/**
 * A command's help in picocli's layout: a usage line with the options in brackets, the description, the
 * subcommands, the options with their descriptions in a second column (wrapped at 80 columns), the exit codes.
 */
final class Help {

  private static final int WIDTH = 80;
  private static final int DESCRIPTION_COLUMN = 29;

  private Help() {
  }

  /** The help of the last command of {@code path}. */
  static String of(List<Command> path) {
    Command command = path.get(path.size() - 1);
    List<Option> options = Parser.options(path);
    StringBuilder out = new StringBuilder();
    out.append(wrap("Usage: " + Parser.qualified(path) + " ", synopsis(command, options)));
    command.description().forEach(line -> out.append(wrap("", line)));
    if (!command.parameters().isEmpty()) {
      command.parameters().forEach(p -> out.append(column("      " + p.label() + (p.repeatable() ? "..." : ""),
          p.description())));
    }
    for (Option option : options) {
      String names = option.names().get(0).startsWith("--") ? "      " + option.synopsis()
          : "  " + option.synopsis();
      out.append(column(names, option.description()));
    }
    if (!command.subcommands().isEmpty()) {
      out.append("Commands:\n");
      for (Command sub : command.subcommands()) {
        String names = String.join(", ", plus(sub.name(), sub.aliases()));
        out.append(column("  " + names, sub.description().isEmpty() ? "" : sub.description().get(0)));
      }
    }
    if (!command.exitCodes().isEmpty()) {
      out.append("\nExit codes:\n");
      for (String code : command.exitCodes()) {
        int colon = code.indexOf(':');
        out.append(wrapFrom("  " + code.substring(0, colon) + "   ", code.substring(colon + 1), 6));
      }
    }
    return out.toString();
  }

  /** {@code [-aqhV] [--counts] [--format=FORMAT] [--platform=PLATFORM]... IMAGE [COMMAND]}. */
  private static String synopsis(Command command, List<Option> options) {
    List<String> parts = new ArrayList<>();
    StringBuilder letters = new StringBuilder();
    for (Option option : options) {
      option.names().stream().filter(n -> n.length() == 2 && option.arity() == Option.Arity.FLAG).findFirst()
          .ifPresent(n -> letters.append(n.charAt(1)));
    }
    if (letters.length() > 0) {
      parts.add("[-" + letters + "]");
    }
    for (Option option : options) {
      boolean lettered = option.arity() == Option.Arity.FLAG && option.names().stream().anyMatch(n -> n.length() == 2);
      if (!lettered) {
        String first = option.names().get(0);
        parts.add("[" + (option.arity() == Option.Arity.FLAG ? first : first + "=" + option.label()) + "]"
            + (option.arity() == Option.Arity.LIST ? "..." : ""));
      }
    }
    command.parameters().forEach(p -> parts.add((p.required() ? p.label() : "[" + p.label() + "]")
        + (p.repeatable() ? "..." : "")));
    if (!command.subcommands().isEmpty()) {
      parts.add("[COMMAND]");
    }
    return String.join(" ", parts);
  }

  /** {@code left} padded to the description column, then {@code text} wrapped below it. */
  private static String column(String left, String text) {
    String first = left.length() < DESCRIPTION_COLUMN - 1 ? pad(left, DESCRIPTION_COLUMN) : left + "\n"
        + " ".repeat(DESCRIPTION_COLUMN);
    return wrapFrom(first, text, DESCRIPTION_COLUMN + 2);
  }

  /** {@code head} then {@code text}, wrapped at the width, continuation lines indented under the text. */
  private static String wrap(String head, String text) {
    return wrapFrom(head, text, head.length());
  }

  private static String wrapFrom(String head, String text, int indent) {
    StringBuilder out = new StringBuilder(head);
    int column = lastLineLength(head);
    boolean firstWord = true;
    for (String word : text.split(" ")) {
      if (!firstWord && column + 1 + word.length() > WIDTH) {
        out.append('\n').append(" ".repeat(indent));
        column = indent;
      } else if (!firstWord) {
        out.append(' ');
        column++;
      }
      out.append(word);
      column += word.length();
      firstWord = false;
    }
    return out.append('\n').toString();
  }

  private static int lastLineLength(String text) {
    return text.length() - text.lastIndexOf('\n') - 1;
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(1, width - text.length()));
  }

  private static List<String> plus(String first, List<String> rest) {
    List<String> all = new ArrayList<>(List.of(first));
    all.addAll(rest);
    return all;
  }
}
