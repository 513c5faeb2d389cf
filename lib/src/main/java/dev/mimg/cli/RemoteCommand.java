package dev.mimg.cli;

import dev.mimg.frontend.Command;
import dev.mimg.frontend.CommandLines;
import dev.mimg.frontend.Invocation;
import dev.mimg.model.RemoteVariant;
import dev.mimg.query.Mimg;
import dev.mimg.view.RemoteView;
import java.util.List;

/** {@code mimg remote}: what a registry holds, without pulling anything. */
final class RemoteCommand {

  /** {@code mimg remote ls REF}: one row per variant of the reference's index (or its single manifest). */
  private static final Command LS = Command.named("ls").aliases("list")
      .describe("List the variants of REF as its registry holds them: DIGEST, PLATFORM, SIZE "
          + "(manifest + config + compressed layers).")
      .parameter("REF", "The image, e.g. alpine:3.16 or repo@sha256:...", true, false)
      .flag("-a", "--all", "Also list attestation manifests.")
      .flag("--no-trunc", "Show full digests.")
      .value("FORMAT", "--format", "table (default) or json.")
      .action(RemoteCommand::ls);

  static final Command SPEC = Command.named("remote").describe("Look at images in their registry, without pulling.")
      .subcommands(LS);

  private RemoteCommand() {
  }

  static int ls(Invocation in) {
    String format = in.value("--format");
    if (format != null && !format.equals("table") && !format.equals("json")) {
      throw new IllegalArgumentException("--format must be table or json, not " + format);
    }
    List<RemoteVariant> variants = Mimg.remote(in.parameter(0));
    in.out().print("json".equals(format) ? RemoteView.json(variants, in.flag("--all"))
        : RemoteView.table(variants, in.flag("--all"), in.flag("--no-trunc")));
    in.out().flush();
    return CommandLines.OK;
  }
}
