package dev.mimg.frontend;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * A parsed command line as a command's action sees it: the commands from the root to the one that runs, the
 * values of its options (those its ancestors pass down included), its positional parameters, and where to print.
 */
public record Invocation(List<Command> path, Map<String, List<String>> values, List<String> parameters,
    PrintWriter out, PrintWriter err) {

  /** Defensive copies. */
  public Invocation {
    path = List.copyOf(path);
    values = Map.copyOf(values);
    parameters = List.copyOf(parameters);
  }

  /** True when the flag {@code key} (its long name, e.g. {@code --all}) was given. */
  public boolean flag(String key) {
    return values.containsKey(key);
  }

  /** The value of {@code key}, the last one given, or null. */
  public String value(String key) {
    List<String> given = values.get(key);
    return given == null ? null : given.get(given.size() - 1);
  }

  /** The value of {@code key}, or {@code fallback} when it was not given. */
  public String value(String key, String fallback) {
    String given = value(key);
    return given == null ? fallback : given;
  }

  /** Every value of the repeatable {@code key}, in order (empty when not given). */
  public List<String> values(String key) {
    return values.getOrDefault(key, List.of());
  }

  /** The positional parameter at {@code index}, or null. */
  public String parameter(int index) {
    return index < parameters.size() ? parameters.get(index) : null;
  }

  /** The command that runs. */
  public Command command() {
    return path.get(path.size() - 1);
  }

  /** The command line's qualified name, e.g. {@code mimg remote ls}. */
  public String qualifiedName() {
    return String.join(" ", path.stream().map(Command::name).toList());
  }

  /** An error in the command line itself (exit 2), naming this command's help. */
  public UsageException usage(String message) {
    return new UsageException(message, qualifiedName());
  }
}
