package dev.mimg.cli;

import dev.mimg.frontend.Runner;
import dev.mimg.query.Filters;
import dev.mimg.query.ImageQuery;
import dev.mimg.query.Mimg;
import dev.mimg.query.Removal;
import dev.mimg.store.ImageStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mimg prune}: removes dangling images, unused images, or unused platforms, after showing the plan. */
@Command(name = "prune", mixinStandardHelpOptions = true,
    description = {"Remove dangling images (default), every image no container uses (--all), and/or the platforms "
        + "no container uses outside the keep-set (--platforms; never an image's last platform).",
        "An image selected through some of its names (--filter reference=) loses only those names while others "
            + "hold it.",
        "Prints the plan and asks on a terminal; without a terminal it needs -f. --dry-run changes nothing."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:pruned as planned, nothing to prune, or --dry-run",
        "1:not confirmed, something was skipped, or the request failed", "2:malformed command line"})
final class PruneCommand implements Callable<Integer> {

  @ParentCommand
  MimgCommand parent;

  @Spec
  CommandSpec spec;

  @Option(names = {"-a", "--all"}, description = "Remove every image no container uses, not only dangling ones.")
  boolean all;

  @Option(names = "--platforms", description = "Remove variants no container uses whose platform is not kept.")
  boolean platforms;

  @Option(names = "--keep", paramLabel = "PLATFORM[,PLATFORM...]", split = ",",
      description = "Platforms --platforms keeps (default: this host's platform).")
  List<String> keep = new ArrayList<>();

  @Option(names = "--filter", paramLabel = "KEY=VALUE",
      description = "until=DURATION|TIMESTAMP, label=KEY[=VALUE], reference=GLOB (repeatable).")
  List<String> filters = new ArrayList<>();

  @Option(names = {"-f", "--force"}, description = "Do not ask for confirmation.")
  boolean force;

  @Option(names = "--dry-run", description = "Print the plan and change nothing.")
  boolean dryRun;

  @Option(names = "--format", paramLabel = "table|json", description = "Print plan and report as a table or JSON.")
  String format = "table";

  @Override
  public Integer call() {
    Runner.Format output = switch (format) {
      case "table" -> Runner.Format.TABLE;
      case "json" -> Runner.Format.JSON;
      default -> throw new IllegalArgumentException("invalid --format \"" + format + "\": expected table or json");
    };
    try (ImageStore store = parent.store.open(spec.commandLine().getErr())) {
      ImageQuery base = Filters.apply(Mimg.images(store), filters, Filters.PRUNE_KEYS, Instant.now());
      base = dryRun ? base.dryRun() : base;
      Removal removal = (all ? base.unused() : base.dangling().unused()).removal();
      if (platforms) {
        ImageQuery rest = all ? base.inUse() : base.where(image -> !image.isDangling() || !image.containers().isEmpty());
        String[] kept = keep.isEmpty() ? new String[] {dev.mimg.model.Platform.host().toString()} : keep.toArray(String[]::new);
        removal = removal.and(rest.notPlatform(kept).variants().unused().removal());
      }
      return new Runner("prune", spec.commandLine().getOut(), spec.commandLine().getErr(), Runner.Kept.SPARED,
          force ? Runner.Confirm.NO : Runner.Confirm.ON_TERMINAL, output).run(removal);
    }
  }
}
