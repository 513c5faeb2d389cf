package dev.mimg.cli;

import dev.mimg.frontend.Command;
import dev.mimg.frontend.CommandLines;
import dev.mimg.frontend.Completion;
import java.util.List;
import java.util.Map;

/** {@code mimg completion}: prints a bash/zsh completion script for the CLI, from its own declarations. */
final class CompletionCommand {

  /** The platforms completion offers after {@code --platform} and {@code --keep}: those images are built for. */
  private static final List<String> PLATFORMS = List.of("linux/amd64", "linux/arm64", "linux/arm64/v8",
      "linux/arm/v7", "linux/arm/v6", "linux/386", "linux/ppc64le", "linux/s390x", "linux/riscv64",
      "windows/amd64");

  static final Command SPEC = Command.named("completion")
      .describe("Print a bash (and zsh, via bashcompinit) completion script:",
          "  source <(./mimg completion)      or      ./mimg completion > /etc/bash_completion.d/mimg")
      .action(in -> {
        in.out().print(Completion.bash(MimgCommand.SPEC, Map.of("--platform", PLATFORMS, "--keep", PLATFORMS,
            "--store", List.of("engine", "engine:", "oci:"), "--format", List.of("table", "json"))));
        return CommandLines.OK;
      });

  private CompletionCommand() {
  }
}
