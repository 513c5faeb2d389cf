package dev.mimg.frontend;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A command as a front end declares it: name and aliases, description, options, positional parameters,
 * subcommands, the exit codes its help lists, and the action that runs it. Built step by step; immutable once
 * built (every step returns a new command).
 */
public final class Command {

  /** A positional parameter: its label ({@code IMAGE}), help text, and whether it is required or repeatable. */
  public record Parameter(String label, String description, boolean required, boolean repeatable) {
  }

  private final String name;
  private final List<String> aliases;
  private final List<String> description;
  private final List<Option> options;
  private final List<Parameter> parameters;
  private final List<Command> subcommands;
  private final List<String> exitCodes;
  private final boolean stopAtPositional;
  private final boolean passThrough;
  private final Function<Invocation, Integer> action;

  private Command(String name, List<String> aliases, List<String> description, List<Option> options,
      List<Parameter> parameters, List<Command> subcommands, List<String> exitCodes, boolean stopAtPositional,
      boolean passThrough, Function<Invocation, Integer> action) {
    this.name = name;
    this.aliases = List.copyOf(aliases);
    this.description = List.copyOf(description);
    this.options = List.copyOf(options);
    this.parameters = List.copyOf(parameters);
    this.subcommands = List.copyOf(subcommands);
    this.exitCodes = List.copyOf(exitCodes);
    this.stopAtPositional = stopAtPositional;
    this.passThrough = passThrough;
    this.action = action;
  }

  /** A command with this name, no options yet, and an action that prints its help. */
  public static Command named(String name) {
    return new Command(name, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), false, false, null);
  }

  /** The same command also answering to these names. */
  public Command aliases(String... more) {
    return new Command(name, plus(aliases, List.of(more)), description, options, parameters, subcommands, exitCodes,
        stopAtPositional, passThrough, action);
  }

  /** The same command with these lines of description (the first is the summary command lists show). */
  public Command describe(String... lines) {
    return new Command(name, aliases, List.of(lines), options, parameters, subcommands, exitCodes, stopAtPositional,
        passThrough, action);
  }

  /** A flag ({@code names}: {@code "-a", "--all"}, then its description as the last argument). */
  public Command flag(String... namesThenDescription) {
    return with(option(Option.Arity.FLAG, null, null, false, namesThenDescription));
  }

  /** An option with one value, labelled {@code label} in help. */
  public Command value(String label, String... namesThenDescription) {
    return with(option(Option.Arity.VALUE, label, null, false, namesThenDescription));
  }

  /** A repeatable option, each value split on {@code split} when it is not null. */
  public Command list(String label, String split, String... namesThenDescription) {
    return with(option(Option.Arity.LIST, label, split, false, namesThenDescription));
  }

  /** An option this command's subcommands take too ({@code -H HOST} given before or after the subcommand). */
  public Command inherited(Option option) {
    return with(new Option(option.names(), option.arity(), option.label(), option.description(), option.split(), true));
  }

  /** A positional parameter, required or not, repeatable or not. */
  public Command parameter(String label, String help, boolean required, boolean repeatable) {
    return new Command(name, aliases, description, options, plus(parameters, List.of(new Parameter(label, help,
        required, repeatable))), subcommands, exitCodes, stopAtPositional, passThrough, action);
  }

  /** The same command with these subcommands. */
  public Command subcommands(Command... more) {
    return new Command(name, aliases, description, options, parameters, plus(subcommands, List.of(more)), exitCodes,
        stopAtPositional, passThrough, action);
  }

  /** The exit codes help lists, as {@code "0:success"} entries. */
  public Command exitCodes(String... codes) {
    return new Command(name, aliases, description, options, parameters, subcommands, List.of(codes),
        stopAtPositional, passThrough, action);
  }

  /** From the first positional parameter on, every word is a parameter, options included (a script's own). */
  public Command stopAtPositional() {
    return new Command(name, aliases, description, options, parameters, subcommands, exitCodes, true, passThrough,
        action);
  }

  /** Every word after this command is a parameter, options included: the command passes them on elsewhere. */
  public Command passThrough() {
    return new Command(name, aliases, description, options, parameters, subcommands, exitCodes, stopAtPositional,
        true, action);
  }

  /** What running the command does: an exit code from its invocation. */
  public Command action(Function<Invocation, Integer> run) {
    return new Command(name, aliases, description, options, parameters, subcommands, exitCodes, stopAtPositional,
        passThrough, run);
  }

  private Command with(Option option) {
    return new Command(name, aliases, description, plus(options, List.of(option)), parameters, subcommands, exitCodes,
        stopAtPositional, passThrough, action);
  }

  private static Option option(Option.Arity arity, String label, String split, boolean inherited, String... args) {
    List<String> names = List.of(args).subList(0, args.length - 1);
    return new Option(names, arity, label, args[args.length - 1], split, inherited);
  }

  /** The command's name. */
  public String name() {
    return name;
  }

  /** Its other names. */
  public List<String> aliases() {
    return aliases;
  }

  /** Its description, one paragraph per element. */
  public List<String> description() {
    return description;
  }

  /** Its own options, inherited ones included. */
  public List<Option> options() {
    return options;
  }

  /** Its positional parameters. */
  public List<Parameter> parameters() {
    return parameters;
  }

  /** Its subcommands. */
  public List<Command> subcommands() {
    return subcommands;
  }

  /** The exit codes its help lists. */
  public List<String> exitCodes() {
    return exitCodes;
  }

  /** True when every word from the first positional parameter on is a parameter. */
  public boolean stopsAtPositional() {
    return stopAtPositional;
  }

  /** True when every word after this command is a parameter. */
  public boolean passesThrough() {
    return passThrough;
  }

  /** What it runs (null: it only has subcommands, and prints its help). */
  public Function<Invocation, Integer> action() {
    return action;
  }

  /** The subcommand called {@code word} (by name or alias), if any. */
  public Optional<Command> subcommand(String word) {
    return subcommands.stream().filter(c -> c.name.equals(word) || c.aliases.contains(word)).findFirst();
  }

  private static <T> List<T> plus(List<T> list, List<T> more) {
    List<T> all = new ArrayList<>(list);
    all.addAll(more);
    return all;
  }
}
