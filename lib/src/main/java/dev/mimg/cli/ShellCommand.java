package dev.mimg.cli;

import dev.mimg.frontend.Command;
import dev.mimg.frontend.CommandLines;

/**
 * {@code mimg shell} / {@code mimg run}: the Groovy side lives on its own class path (so that Groovy never loads
 * for the CLI); the {@code ./mimg} launcher switches to it, and these commands tell JBang users where it is.
 */
final class ShellCommand {

  static final Command SHELL = pointer("shell", "The Groovy shell, with the DSL at hand.");
  static final Command RUN = pointer("run", "The Groovy script runner: run FILE [ARGS] | run -e EXPR.");

  private ShellCommand() {
  }

  private static Command pointer(String name, String what) {
    return Command.named(name)
        .describe(what, "It runs on its own class path: ./mimg " + name + " ..., or jbang mimg-shell@<catalog> " + name)
        .parameter("ARGS", "A script, -e EXPR, its arguments: meant for the Groovy side.", false, true)
        .passThrough()
        .action(in -> {
          in.err().println("mimg: '" + name + "' runs on the Groovy side: use ./mimg " + name
              + " (from a checkout) or jbang mimg-shell@<catalog> " + name);
          return CommandLines.FAILED;
        });
  }
}
