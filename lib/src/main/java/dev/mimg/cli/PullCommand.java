package dev.mimg.cli;

import dev.mimg.frontend.Command;
import dev.mimg.frontend.CommandLines;
import dev.mimg.frontend.Invocation;
import dev.mimg.frontend.StoreOptions;
import dev.mimg.query.Mimg;
import dev.mimg.query.Pull;
import dev.mimg.store.ImageStore;
import java.util.List;

/** {@code mimg pull}: pulls an image, back-fills missing platforms without moving the tag, or refreshes it. */
final class PullCommand {

  static final Command SPEC = Command.named("pull")
      .describe("Pull an image. Not stored: the host's platform, --platform P (repeatable) or --all-platforms.",
          "Stored, with --platform P missing from it: back-fill P from the STORED index; the tag does not move "
              + "(--resolve re-resolves the tag first).",
          "Stored, no --platform: re-resolve the tag and refresh every platform already present.")
      .parameter("IMAGE", "NAME[:TAG] or NAME@DIGEST.", true, false)
      .list("PLATFORM", null, "--platform", "Platform to pull (repeatable).")
      .flag("-a", "--all-platforms", "Every platform the index lists.")
      .flag("--resolve", "Re-resolve the tag before pulling platforms into a stored image.")
      .flag("-q", "--quiet", "No progress, only the outcome per platform.")
      .exitCodes("0:pulled", "1:the pull failed (unknown image or platform, registry or engine error)",
          "2:malformed command line")
      .action(PullCommand::run);

  private PullCommand() {
  }

  static int run(Invocation in) {
    List<String> platforms = in.values("--platform");
    boolean allPlatforms = in.flag("--all-platforms");
    if (allPlatforms && !platforms.isEmpty()) {
      throw in.usage("--all-platforms and --platform exclude each other: give one");
    }
    try (ImageStore store = new StoreOptions(in).openForWriting(in.err())) {
      Pull pull = Mimg.images(store).pull(in.parameter(0)).progress(PullProgress.to(in.out(), in.flag("--quiet")));
      pull = platforms.isEmpty() ? pull : pull.platform(platforms.toArray(String[]::new));
      pull = allPlatforms ? pull.allPlatforms() : pull;
      in.out().print((in.flag("--resolve") ? pull.resolve() : pull).run().describe());
      store.notices().forEach(notice -> in.err().println("mimg: notice: " + notice));
      return CommandLines.OK;
    }
  }
}
