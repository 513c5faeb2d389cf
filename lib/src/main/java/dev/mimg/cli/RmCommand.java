package dev.mimg.cli;

import dev.mimg.frontend.Runner;
import dev.mimg.model.ImageLookup;
import dev.mimg.model.InvalidInputException;
import dev.mimg.query.ImageQuery;
import dev.mimg.query.Mimg;
import dev.mimg.store.ImageStore;
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
        "Prints the plan first. What a container uses, or other images and names share, is kept unless --force."},
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
      description = "Also remove what is in use or shared with other images; a missing platform is a notice.")
  boolean force;

  @Option(names = "--dry-run", description = "Print the plan and change nothing.")
  boolean dryRun;

  @Override
  public Integer call() {
    try (ImageStore store = parent.store.open(spec.commandLine().getErr())) {
      if (platforms.isEmpty() && ImageLookup.find(store.images(), name).variant() == null) {
        throw new InvalidInputException(name + " is an image, not a variant: name the platforms to remove with "
            + "--platform (prune -a --filter reference=NAME removes images)");
      }
      ImageQuery query = Mimg.images(store).named(name).platform(platforms.toArray(String[]::new));
      query = dryRun ? query.dryRun() : query;
      return new Runner("remove", spec.commandLine().getOut(), spec.commandLine().getErr(), Runner.Kept.FAILS,
          Runner.Confirm.NO, Runner.Format.TABLE).run((force ? query.force() : query).removal());
    }
  }
}
