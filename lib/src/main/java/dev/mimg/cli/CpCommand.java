package dev.mimg.cli;

import dev.mimg.frontend.Command;
import dev.mimg.frontend.CommandLines;
import dev.mimg.frontend.Invocation;
import dev.mimg.frontend.StoreOptions;
import dev.mimg.query.Copy;
import dev.mimg.query.Mimg;
import dev.mimg.store.ImageStore;
import java.util.List;

/** {@code mimg cp}: copies an image from the store to another store (a layout or a registry), digests kept. */
final class CpCommand {

  static final Command SPEC = Command.named("cp")
      .describe("Copy an image from the store (--store, default the engine) to another store: oci:DIR, "
              + "registry:HOST[/PREFIX], engine or engine:HOST. The index keeps its digest; every blob is verified.",
          "Into a layout or an engine: the platforms present (a shallow image stays shallow). Into a registry: "
              + "every platform, those the source lacks from the registry the image came from.")
      .parameter("IMAGE", "NAME[:TAG], NAME@DIGEST or an image id.", true, false)
      .value("STORE", "--to", "Where to copy to: oci:DIR, registry:HOST[/PREFIX], engine or engine:HOST "
          + "(required).")
      .value("NEW-REF", "--as", "The reference it gets there (default: its own; into a registry, its repository "
          + "path on that host).")
      .list("PLATFORM", null, "--platform", "Platform to copy (repeatable; into a registry, several make a new "
          + "index of them).")
      .flag("-a", "--all-platforms", "Every platform the index lists.")
      .flag("--only-present", "Only the platforms the source holds; into a registry, a new index of them where it "
          + "lacks some.")
      .flag("--dry-run", "Print what would move (blobs, bytes, what the destination has) and change nothing.")
      .exitCodes("0:copied (or --dry-run)", "1:the copy failed or was refused (unknown image or platform, missing "
          + "content, registry error); nothing was named", "2:malformed command line")
      .action(CpCommand::run);

  private CpCommand() {
  }

  static int run(Invocation in) {
    String to = in.value("--to");
    if (to == null || to.isBlank()) {
      throw in.usage("cp needs --to STORE (oci:DIR, registry:HOST[/PREFIX], engine or engine:HOST)");
    }
    List<String> platforms = in.values("--platform");
    int scopes = (in.flag("--all-platforms") ? 1 : 0) + (platforms.isEmpty() ? 0 : 1) + (in.flag("--only-present")
        ? 1 : 0);
    if (scopes > 1) {
      throw in.usage("--all-platforms, --platform and --only-present exclude each other: give one");
    }
    try (ImageStore store = new StoreOptions(in).open(in.err())) {
      Copy copy = Mimg.images(store).copy(in.parameter(0), to);
      copy = in.value("--as") == null ? copy : copy.as(in.value("--as"));
      copy = platforms.isEmpty() ? copy : copy.platform(platforms.toArray(String[]::new));
      copy = in.flag("--all-platforms") ? copy.allPlatforms() : copy;
      copy = in.flag("--only-present") ? copy.onlyPresent() : copy;
      copy = in.flag("--dry-run") ? copy.dryRun() : copy.progress(PullProgress.ofCopy(in.err()));
      in.out().print(copy.run().describe());
      return CommandLines.OK;
    }
  }
}
