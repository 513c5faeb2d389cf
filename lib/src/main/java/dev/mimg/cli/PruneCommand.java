package dev.mimg.cli;

import dev.mimg.frontend.Command;
import dev.mimg.frontend.Invocation;
import dev.mimg.frontend.Runner;
import dev.mimg.frontend.StoreOptions;
import dev.mimg.model.Platform;
import dev.mimg.query.Filters;
import dev.mimg.query.ImageQuery;
import dev.mimg.query.Mimg;
import dev.mimg.query.Removal;
import dev.mimg.store.ImageStore;
import java.time.Instant;
import java.util.List;

/** {@code mimg prune}: removes dangling images, unused images, or unused platforms, after showing the plan. */
final class PruneCommand {

  static final Command SPEC = Command.named("prune")
      .describe("Remove dangling images (default), every image no container uses (--all), and/or the platforms "
          + "no container uses outside the keep-set (--platforms; never an image's last platform).",
          "An image selected through some of its names (--filter reference=) loses only those names while others "
              + "hold it.",
          "Prints the plan and asks on a terminal; without a terminal it needs -f. --dry-run changes nothing.")
      .flag("-a", "--all", "Remove every image no container uses, not only dangling ones.")
      .flag("--platforms", "Remove variants no container uses whose platform is not kept.")
      .list("PLATFORM[,PLATFORM...]", ",", "--keep", "Platforms --platforms keeps (default: this host's platform).")
      .list("KEY=VALUE", null, "--filter", "until=DURATION|TIMESTAMP, label=KEY[=VALUE], reference=GLOB (repeatable).")
      .flag("-f", "--force", "Do not ask for confirmation.")
      .flag("--dry-run", "Print the plan and change nothing.")
      .value("table|json", "--format", "Print plan and report as a table or JSON.")
      .exitCodes("0:pruned as planned, nothing to prune, or --dry-run",
          "1:not confirmed, something was skipped, or the request failed", "2:malformed command line")
      .action(PruneCommand::run);

  private PruneCommand() {
  }

  static int run(Invocation in) {
    String format = in.value("--format", "table");
    Runner.Format output = switch (format) {
      case "table" -> Runner.Format.TABLE;
      case "json" -> Runner.Format.JSON;
      default -> throw new IllegalArgumentException("invalid --format \"" + format + "\": expected table or json");
    };
    boolean all = in.flag("--all");
    try (ImageStore store = new StoreOptions(in).open(in.err())) {
      ImageQuery base = Filters.apply(Mimg.images(store), in.values("--filter"), Filters.PRUNE_KEYS, Instant.now());
      base = in.flag("--dry-run") ? base.dryRun() : base;
      Removal removal = (all ? base.unused() : base.dangling().unused()).removal();
      if (in.flag("--platforms")) {
        List<String> keep = in.values("--keep");
        ImageQuery rest = all ? base.inUse() : base.where(image -> !image.isDangling()
            || !image.containers().isEmpty());
        String[] kept = keep.isEmpty() ? new String[] {Platform.host().toString()} : keep.toArray(String[]::new);
        removal = removal.and(rest.notPlatform(kept).variants().unused().removal());
      }
      return StoreOptions.exitCode(store, new Runner("prune", in.out(), in.err(), Runner.Kept.SPARED,
          in.flag("--force") ? Runner.Confirm.NO : Runner.Confirm.ON_TERMINAL, output).run(removal));
    }
  }
}
