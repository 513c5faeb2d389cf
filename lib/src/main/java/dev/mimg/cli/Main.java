package dev.mimg.cli;

import dev.mimg.frontend.CommandLines;
import java.io.PrintWriter;

/** The mimg command line: {@code mimg ls}, {@code mimg inspect}... (exit codes: {@link CommandLines}). */
public final class Main {

  private Main() {
  }

  /** Runs the CLI and exits with its code. */
  public static void main(String[] args) {
    dev.mimg.store.docker.DockerEngineStore.listOnce();
    if (Warmup.helps(args, System.getenv("MIMG_STORE"))) {
      Warmup.start(args);
    }
    System.exit(run(CommandLines.utf8(System.out), CommandLines.utf8(System.err), args));
  }

  /** Runs the CLI with the given streams and returns its exit code (for tests and embedding). */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return CommandLines.execute(MimgCommand.SPEC, MimgCommand.VERSION, out, err, args);
  }
}
