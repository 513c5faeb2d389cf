package dev.mimg.cli;

import dev.mimg.frontend.Command;
import dev.mimg.frontend.Invocation;
import dev.mimg.frontend.Runner;
import dev.mimg.frontend.StoreOptions;
import dev.mimg.model.ImageLookup;
import dev.mimg.model.InvalidInputException;
import dev.mimg.query.ImageQuery;
import dev.mimg.query.Mimg;
import dev.mimg.store.ImageStore;
import java.util.List;

/** {@code mimg rm}: removes single platforms of an image, or one variant from every image that holds it. */
final class RmCommand {

  static final Command SPEC = Command.named("rm")
      .describe("Remove platforms of an image (rm IMAGE --platform P), or a variant (rm VARIANT-ID).",
          "Prints the plan first. What a container uses, or other images and names share, is kept unless --force.")
      .parameter("IMAGE|VARIANT-ID", "The image (with --platform) or a variant id.", true, false)
      .list("PLATFORM", null, "--platform", "Platform to remove (repeatable).")
      .flag("-f", "--force", "Also remove what is in use or shared with other images; a missing platform is a notice.")
      .flag("--dry-run", "Print the plan and change nothing.")
      .exitCodes("0:everything planned was removed (or --dry-run)",
          "1:nothing to do or something was kept/skipped (in use, shared, not present, engine error)",
          "2:malformed command line")
      .action(RmCommand::run);

  private RmCommand() {
  }

  static int run(Invocation in) {
    String name = in.parameter(0);
    List<String> platforms = in.values("--platform");
    try (ImageStore store = new StoreOptions(in).open(in.err())) {
      if (platforms.isEmpty() && ImageLookup.find(store.images(), name).variant() == null) {
        throw new InvalidInputException(name + " is an image, not a variant: name the platforms to remove with "
            + "--platform (prune -a --filter reference=NAME removes images)");
      }
      ImageQuery query = Mimg.images(store).named(name).platform(platforms.toArray(String[]::new));
      query = in.flag("--dry-run") ? query.dryRun() : query;
      return StoreOptions.exitCode(store, new Runner("remove", in.out(), in.err(), Runner.Kept.FAILS,
          Runner.Confirm.NO, Runner.Format.TABLE).run((in.flag("--force") ? query.force() : query).removal()));
    }
  }
}
