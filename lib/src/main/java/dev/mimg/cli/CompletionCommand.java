package dev.mimg.cli;

import dev.mimg.frontend.CommandLines;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mimg completion}: prints a bash/zsh completion script for the CLI (picocli generates it). */
@Command(name = "completion", mixinStandardHelpOptions = true,
    description = {"Print a bash (and zsh, via bashcompinit) completion script:",
        "  source <(./mimg completion)      or      ./mimg completion > /etc/bash_completion.d/mimg"})
final class CompletionCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().print(AutoComplete.bash("mimg", spec.root().commandLine()));
    return CommandLines.OK;
  }
}
