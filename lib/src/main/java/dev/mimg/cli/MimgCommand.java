package dev.mimg.cli;

import dev.mimg.frontend.StoreOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code mimg} command: global options, and the subcommands that do the work. */
@Command(name = "mimg", mixinStandardHelpOptions = true, version = "mimg 0.1.0",
    description = "List, inspect, remove and pull the platforms of multi-arch container images.",
    subcommands = {LsCommand.class, InspectCommand.class, RmCommand.class, PruneCommand.class, PullCommand.class,
        RemoteCommand.class, CompletionCommand.class, ShellCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:the request failed (unknown image or platform, engine unreachable, bad value)",
        "2:malformed command line (unknown flag, missing argument)"})
final class MimgCommand implements Runnable {

  @Mixin
  StoreOptions store;

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
