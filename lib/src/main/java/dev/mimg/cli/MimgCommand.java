package dev.mimg.cli;

import dev.mimg.query.Stores;
import dev.mimg.store.ImageStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top-level {@code mimg} command: global options, and the subcommands that do the work. */
@Command(name = "mimg", mixinStandardHelpOptions = true, version = "mimg 0.1.0",
    description = "List, inspect, remove and pull the platforms of multi-arch container images.",
    subcommands = {LsCommand.class, InspectCommand.class, RmCommand.class, PruneCommand.class, PullCommand.class,
        CompletionCommand.class, ShellCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:the request failed (unknown image or platform, engine unreachable, bad value)",
        "2:malformed command line (unknown flag, missing argument)"})
final class MimgCommand implements Runnable {

  @Option(names = {"-H", "--host"}, scope = ScopeType.INHERIT, paramLabel = "HOST",
      description = "Docker engine to use, e.g. unix:///var/run/docker.sock or tcp://host:2376 "
          + "(default: DOCKER_HOST, DOCKER_CONTEXT, the current context, the default socket)")
  String host;

  @Option(names = "--store", scope = ScopeType.INHERIT, paramLabel = "STORE",
      description = "Store to use: engine, engine:HOST or oci:DIR (default: MIMG_STORE, else the engine as -H finds "
          + "it, else when no engine is configured or running the OCI layout ~/.local/share/mimg/store)")
  String storeSpec;

  @Spec
  CommandSpec spec;

  /** Opens the store the options name, for reading (a missing {@code oci:DIR} is an error). */
  ImageStore store() {
    return store(false);
  }

  /** Opens the store the options name; {@code forWriting} lets a pull create a new {@code oci:DIR}. */
  ImageStore store(boolean forWriting) {
    return Stores.select(storeSpec, host, forWriting,
        notice -> spec.commandLine().getErr().println("mimg: notice: " + notice));
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
