package dev.mimg.cli;

import dev.mimg.model.Platform;
import dev.mimg.query.RemovalPlan;
import dev.mimg.query.RemovalPlanner;
import dev.mimg.query.RemovalReport;
import dev.mimg.query.Remover;
import dev.mimg.store.ImageStore;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mimg rm}: removes single platforms of an image, or one variant from every image that holds it. */
@Command(name = "rm", mixinStandardHelpOptions = true,
    description = {"Remove platforms of an image (rm IMAGE --platform P), or a variant (rm VARIANT-ID).",
        "Prints the plan first. Variants in use by a container, or shared with other images, are kept "
            + "unless --force."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:everything planned was removed (or --dry-run)",
        "1:nothing to do or something was kept/skipped (in use, shared, not present, engine error)",
        "2:malformed command line"})
final class RmCommand implements Callable<Integer> {

  @ParentCommand
  MimgCommand parent;

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "IMAGE|VARIANT-ID", description = "The image (with --platform) or a variant id.")
  String name;

  @Option(names = "--platform", paramLabel = "PLATFORM", description = "Platform to remove (repeatable).")
  List<String> platforms = new ArrayList<>();

  @Option(names = {"-f", "--force"},
      description = "Also remove variants in use or shared with other images; a missing platform is a notice.")
  boolean force;

  @Option(names = "--dry-run", description = "Print the plan and change nothing.")
  boolean dryRun;

  @Override
  public Integer call() {
    List<Platform> wanted = platforms.stream().map(Platform::parse).toList();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (ImageStore store = parent.store()) {
      RemovalPlanner planner = new RemovalPlanner(store.images(), store.containerNames(), force);
      RemovalPlan plan = wanted.isEmpty() ? planner.variant(name) : planner.platforms(name, wanted);
      plan.notices().forEach(notice -> err.println("mimg: notice: " + notice));
      if (plan.isEmpty() && plan.refusals().isEmpty()) {
        return Main.OK;
      }
      out.print(plan.describe());
      out.flush();
      if (dryRun) {
        out.println("dry run: nothing changed");
        return Main.OK;
      }
      if (plan.isEmpty()) {
        err.println("mimg: nothing removed: " + plan.refusals().get(0).reason());
        return Main.FAILED;
      }
      RemovalReport report = Remover.execute(store, plan, force);
      out.print(report.describe());
      return report.skipped().isEmpty() ? Main.OK : Main.FAILED;
    }
  }
}
