package dev.mimg.cli;

import dev.mimg.model.Platform;
import dev.mimg.query.PruneFilters;
import dev.mimg.query.PrunePlanner;
import dev.mimg.query.RemovalPlan;
import dev.mimg.query.RemovalReport;
import dev.mimg.query.Remover;
import dev.mimg.store.ImageStore;
import java.io.Console;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
        + "no container uses outside the keep-set (--platforms).",
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
    List<Platform> kept = keep.isEmpty() ? List.of(Platform.host()) : keep.stream().map(Platform::parse).toList();
    var filter = PruneFilters.parse(filters, Instant.now());
    boolean json = parseFormat();
    PrintWriter out = spec.commandLine().getOut();
    try (ImageStore store = parent.store()) {
      RemovalPlan plan = PrunePlanner.plan(store.images(), all, platforms, kept, filter);
      if (plan.isEmpty()) {
        out.println(json ? plan.toJson() : "nothing to prune");
        return Main.OK;
      }
      if (dryRun || !confirmed(plan, json)) {
        if (dryRun) {
          out.println(json ? plan.toJson().put("DryRun", true) : plan.describe() + "dry run: nothing changed");
          return Main.OK;
        }
        return Main.FAILED;
      }
      RemovalReport report = Remover.execute(store, plan, false);
      out.print(json ? plan.toJson().set("Report", report.toJson()) + "\n" : report.describe());
      return report.skipped().isEmpty() ? Main.OK : Main.FAILED;
    }
  }

  private boolean parseFormat() {
    if (!Arrays.asList("table", "json").contains(format)) {
      throw new IllegalArgumentException("invalid --format \"" + format + "\": expected table or json");
    }
    return format.equals("json");
  }

  /** -f, or a "y" typed on the terminal after seeing the plan; without a terminal, one line and no. */
  private boolean confirmed(RemovalPlan plan, boolean json) {
    if (force) {
      if (!json) {
        spec.commandLine().getOut().print(plan.describe());
      }
      return true;
    }
    Console console = System.console();
    if (console == null) {
      spec.commandLine().getErr().println("mimg: not pruning: no terminal to confirm on; use -f/--force "
          + "(or --dry-run to see the plan)");
      return false;
    }
    console.printf("%s", plan.describe());
    String answer = console.readLine("Remove these %d item(s)? [y/N] ", plan.steps().size());
    return answer != null && answer.strip().equalsIgnoreCase("y");
  }
}
