package dev.mimg.frontend;

import java.util.List;

/**
 * One option of a command: its names ({@code -a}, {@code --all}), whether it takes a value and how often, its
 * help text, and whether the command's subcommands take it too ({@code -H}, {@code --store}).
 */
public record Option(List<String> names, Arity arity, String label, String description, String split,
    boolean inherited) {

  /** How many values an option takes. */
  public enum Arity {
    /** None: present or not. */
    FLAG,
    /** One value; given again, the last one counts. */
    VALUE,
    /** One value each time; repeatable (and split on {@code split} when set). */
    LIST
  }

  /** Defensive copy. */
  public Option {
    names = List.copyOf(names);
  }

  /** The name options are looked up by: the long one ({@code --all}), else the only one. */
  public String key() {
    for (String name : names) {
      if (name.startsWith("--")) {
        return name;
      }
    }
    return names.get(0);
  }

  /** True when {@code word} is one of the names. */
  public boolean named(String word) {
    return names.contains(word);
  }

  /** The names as help shows them: {@code -a, --all}, with {@code =LABEL} for a value. */
  public String synopsis() {
    String joined = String.join(", ", names);
    return arity == Arity.FLAG ? joined : joined + "=" + label;
  }
}
