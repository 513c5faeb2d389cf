package dev.mimg.cli;

import dev.mimg.frontend.Command;
import dev.mimg.frontend.StoreOptions;

/** The top-level {@code mimg} command: the store options every subcommand takes, and the subcommands. */
final class MimgCommand {

  /** The version {@code --version} prints. */
  static final String VERSION = "mimg 0.1.0";

  /** The whole command line. */
  static final Command SPEC = StoreOptions.on(Command.named("mimg"))
      .describe("List, inspect, remove and pull the platforms of multi-arch container images.")
      .subcommands(LsCommand.SPEC, DfCommand.SPEC, InspectCommand.SPEC, RmCommand.SPEC, PruneCommand.SPEC,
          PullCommand.SPEC, CpCommand.SPEC, RemoteCommand.SPEC, CompletionCommand.SPEC, ShellCommand.SHELL,
          ShellCommand.RUN)
      .exitCodes("0:success", "1:the request failed (unknown image or platform, engine unreachable, bad value)",
          "2:malformed command line (unknown flag, missing argument)",
          "3:on a fleet, some stores failed or did not answer (one notice each); the others answered");

  private MimgCommand() {
  }
}
