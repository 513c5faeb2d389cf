package dev.mimg.cli;

import dev.mimg.frontend.CommandLines;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Unmatched;
import picocli.CommandLine.Spec;

/**
 * {@code mimg shell} / {@code mimg run}: the Groovy side lives on its own class path (so that Groovy never loads
 * for the CLI); the {@code ./mimg} launcher switches to it, and this command tells JBang users where it is.
 */
@Command(name = "shell", aliases = "run", mixinStandardHelpOptions = true,
    description = {"The Groovy shell (shell) and script runner (run FILE [ARGS] | run -e EXPR), with the DSL at hand.",
        "They run on their own class path: ./mimg shell, ./mimg run ..., or jbang mimg-shell@<catalog> shell|run ..."})
final class ShellCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  /** Whatever follows (a script, -e EXPR, its arguments): meant for the Groovy side, not parsed here. */
  @Unmatched
  List<String> args = new ArrayList<>();

  @Override
  public Integer call() {
    String used = spec.commandLine().getParseResult().originalArgs().contains("run") ? "run" : "shell";
    spec.commandLine().getErr().println("mimg: '" + used + "' runs on the Groovy side: use ./mimg " + used
        + " (from a checkout) or jbang mimg-shell@<catalog> " + used);
    return CommandLines.FAILED;
  }
}
