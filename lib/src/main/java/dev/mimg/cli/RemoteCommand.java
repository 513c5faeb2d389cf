package dev.mimg.cli;

import dev.mimg.frontend.CommandLines;
import dev.mimg.query.Mimg;
import dev.mimg.model.RemoteVariant;
import dev.mimg.view.RemoteView;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mimg remote}: what a registry holds, without pulling anything. */
@Command(name = "remote", mixinStandardHelpOptions = true,
    description = "Look at images in their registry, without pulling.")
final class RemoteCommand implements Runnable {

  @Spec
  CommandSpec spec;

  /** {@code mimg remote ls REF}: one row per variant of the reference's index (or its single manifest). */
  @Command(name = "ls", aliases = "list", mixinStandardHelpOptions = true,
      description = "List the variants of REF as its registry holds them: DIGEST, PLATFORM, SIZE "
          + "(manifest + config + compressed layers).")
  int ls(
      @Parameters(paramLabel = "REF", description = "The image, e.g. alpine:3.16 or repo@sha256:...") String ref,
      @Option(names = {"-a", "--all"}, description = "Also list attestation manifests.") boolean all,
      @Option(names = "--no-trunc", description = "Show full digests.") boolean noTrunc,
      @Option(names = "--format", paramLabel = "FORMAT", description = "table (default) or json.") String format) {
    if (format != null && !format.equals("table") && !format.equals("json")) {
      throw new IllegalArgumentException("--format must be table or json, not " + format);
    }
    List<RemoteVariant> variants = Mimg.remote(ref);
    spec.commandLine().getOut().print("json".equals(format) ? RemoteView.json(variants, all)
        : RemoteView.table(variants, all, noTrunc));
    spec.commandLine().getOut().flush();
    return CommandLines.OK;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
