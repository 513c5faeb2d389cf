package dev.mimg.frontend;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a command line against a command tree, as picocli-style CLIs read it: {@code --name=value},
 * {@code --name value}, {@code -n value}, {@code -nvalue}, clustered flags ({@code -qa}), {@code --} ending the
 * options, subcommands by name or alias, inherited options before or after the subcommand, {@code -h/--help} and
 * {@code -V/--version} everywhere. A malformed line is a {@link UsageException}.
 */
final class Parser {

  /** Help and version, which every command takes. */
  static final Option HELP = new Option(List.of("-h", "--help"), Option.Arity.FLAG, null,
      "Show this help message and exit.", null, true);
  static final Option VERSION = new Option(List.of("-V", "--version"), Option.Arity.FLAG, null,
      "Print version information and exit.", null, true);

  /** What the line asks for: the command path, option values and parameters. */
  record Parsed(List<Command> path, Map<String, List<String>> values, List<String> parameters) {

    boolean wants(Option option) {
      return values.containsKey(option.key());
    }
  }

  private Parser() {
  }

  /** The options {@code path}'s last command takes: its own, its ancestors' inherited ones, help and version. */
  static List<Option> options(List<Command> path) {
    List<Option> options = new ArrayList<>(path.get(path.size() - 1).options());
    for (Command ancestor : path.subList(0, path.size() - 1)) {
      for (Option option : ancestor.options()) {
        if (option.inherited()) {
          options.add(option);
        }
      }
    }
    options.add(HELP);
    options.add(VERSION);
    return options;
  }

  static Parsed parse(Command root, String... args) {
    List<Command> path = new ArrayList<>(List.of(root));
    Map<String, List<String>> values = new LinkedHashMap<>();
    List<String> parameters = new ArrayList<>();
    boolean positional = false;
    for (int i = 0; i < args.length; i++) {
      String word = args[i];
      Command current = path.get(path.size() - 1);
      if (positional) {
        parameters.add(word);
      } else if (word.equals("--")) {
        positional = true;
      } else if (word.startsWith("--") && word.length() > 2) {
        int eq = word.indexOf('=');
        String name = eq < 0 ? word : word.substring(0, eq);
        Option option = find(path, name);
        if (option == null) {
          throw unknown(path, word);
        }
        i = take(path, option, eq < 0 ? null : word.substring(eq + 1), args, i, values);
      } else if (word.startsWith("-") && word.length() > 1) {
        Option exact = find(path, word);
        if (exact != null) {
          i = take(path, exact, null, args, i, values);
        } else {
          i = cluster(path, word, args, i, values);
        }
      } else if (parameters.isEmpty() && current.subcommand(word).isPresent()) {
        path.add(current.subcommand(word).orElseThrow());
        positional = path.get(path.size() - 1).passesThrough();
      } else if (!current.subcommands().isEmpty() && current.parameters().isEmpty()) {
        throw new UsageException("Unmatched argument at index " + i + ": '" + word + "'", qualified(path));
      } else {
        parameters.add(word);
        positional = current.stopsAtPositional();
      }
    }
    Parsed parsed = new Parsed(path, values, parameters);
    if (!parsed.wants(HELP) && !parsed.wants(VERSION)) {
      check(path, parameters);
    }
    return parsed;
  }

  /** {@code -qa}, {@code -fVALUE}: flags one letter each, a value option taking the rest or the next word. */
  private static int cluster(List<Command> path, String word, String[] args, int i, Map<String, List<String>> values) {
    for (int c = 1; c < word.length(); c++) {
      Option option = find(path, "-" + word.charAt(c));
      if (option == null) {
        throw unknown(path, word);
      }
      if (option.arity() != Option.Arity.FLAG) {
        String rest = word.substring(c + 1);
        return take(path, option, rest.isEmpty() ? null : rest, args, i, values);
      }
      put(values, option, "true");
    }
    return i;
  }

  private static int take(List<Command> path, Option option, String attached, String[] args, int i,
      Map<String, List<String>> values) {
    if (option.arity() == Option.Arity.FLAG) {
      if (attached != null) {
        throw new UsageException("option '" + option.key() + "' takes no value", qualified(path));
      }
      put(values, option, "true");
      return i;
    }
    String value = attached;
    int next = i;
    if (value == null) {
      if (i + 1 >= args.length) {
        throw new UsageException("Missing required parameter for option '" + option.key() + "' (" + option.label()
            + ")", qualified(path));
      }
      value = args[++next];
    }
    if (option.split() != null) {
      for (String part : value.split(java.util.regex.Pattern.quote(option.split()), -1)) {
        put(values, option, part);
      }
    } else {
      put(values, option, value);
    }
    return next;
  }

  private static void put(Map<String, List<String>> values, Option option, String value) {
    List<String> given = values.get(option.key());
    if (given == null) {
      given = new ArrayList<>();
      values.put(option.key(), given);
    }
    given.add(value);
  }

  private static void check(List<Command> path, List<String> parameters) {
    Command command = path.get(path.size() - 1);
    List<Command.Parameter> declared = command.parameters();
    long required = 0;
    boolean repeatable = false;
    for (Command.Parameter parameter : declared) {
      required += parameter.required() ? 1 : 0;
      repeatable |= parameter.repeatable();
    }
    if (parameters.size() < required) {
      throw new UsageException("Missing required parameter: '" + declared.get(parameters.size()).label() + "'",
          qualified(path));
    }
    if (!repeatable && parameters.size() > declared.size()) {
      throw new UsageException("Unmatched argument at index " + declared.size() + ": '"
          + parameters.get(declared.size()) + "'", qualified(path));
    }
  }

  /** The option of that name the command takes, or null. */
  private static Option find(List<Command> path, String name) {
    for (Option option : options(path)) {
      if (option.named(name)) {
        return option;
      }
    }
    return null;
  }

  private static UsageException unknown(List<Command> path, String word) {
    return new UsageException("Unknown option: '" + word + "'", qualified(path));
  }

  static String qualified(List<Command> path) {
    StringBuilder name = new StringBuilder();
    for (Command command : path) {
      name.append(name.length() == 0 ? "" : " ").append(command.name());
    }
    return name.toString();
  }
}
