package dev.mimg.cli;

import dev.mimg.frontend.CommandLines;
import dev.mimg.model.HumanSize;
import dev.mimg.query.Mimg;
import dev.mimg.query.Pull;
import dev.mimg.render.Terminal;
import dev.mimg.store.ImageStore;
import dev.mimg.store.PullEvent;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mimg pull}: pulls an image, back-fills missing platforms without moving the tag, or refreshes it. */
@Command(name = "pull", mixinStandardHelpOptions = true,
    description = {"Pull an image. Not stored: the host's platform, --platform P (repeatable) or --all-platforms.",
        "Stored, with --platform P missing from it: back-fill P from the STORED index; the tag does not move "
            + "(--resolve re-resolves the tag first).",
        "Stored, no --platform: re-resolve the tag and refresh every platform already present."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:pulled", "1:the pull failed (unknown image or platform, registry or engine error)",
        "2:malformed command line"})
final class PullCommand implements Callable<Integer> {

  @ParentCommand
  MimgCommand parent;

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "IMAGE", description = "NAME[:TAG] or NAME@DIGEST.")
  String name;

  @Option(names = "--platform", paramLabel = "PLATFORM", description = "Platform to pull (repeatable).")
  List<String> platforms = new ArrayList<>();

  @Option(names = {"-a", "--all-platforms"}, description = "Every platform the index lists.")
  boolean allPlatforms;

  @Option(names = "--resolve", description = "Re-resolve the tag before pulling platforms into a stored image.")
  boolean resolve;

  @Option(names = {"-q", "--quiet"}, description = "No progress, only the outcome per platform.")
  boolean quiet;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (ImageStore store = parent.store.openForWriting(spec.commandLine().getErr())) {
      Pull pull = Mimg.images(store).pull(name).progress(progress(out));
      pull = platforms.isEmpty() ? pull : pull.platform(platforms.toArray(String[]::new));
      if (allPlatforms && !platforms.isEmpty()) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
            "--all-platforms and --platform exclude each other: give one");
      }
      pull = allPlatforms ? pull.allPlatforms() : pull;
      out.print((resolve ? pull.resolve() : pull).run().describe());
      store.notices().forEach(notice -> spec.commandLine().getErr().println("mimg: notice: " + notice));
      return CommandLines.OK;
    }
  }

  /** Layer status lines as the engine sends them; byte progress only on a terminal; nothing with -q. */
  private Consumer<PullEvent> progress(PrintWriter out) {
    if (quiet) {
      return event -> { };
    }
    boolean tty = Terminal.isTty();
    return event -> {
      if (event.isProgress()) {
        if (tty) {
          out.print("\r" + event.id() + ": " + event.status() + " " + HumanSize.format(event.current()) + "/"
              + HumanSize.format(event.total()) + "   ");
          out.flush();
        }
        return;
      }
      out.println((tty ? "\r" : "") + (event.id().isEmpty() ? "" : event.id() + ": ") + event.status());
    };
  }
}
