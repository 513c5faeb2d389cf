package dev.mimg.cli;

import dev.mimg.query.Mimg;
import dev.mimg.store.StoreException;
import java.io.PrintWriter;
import picocli.CommandLine;

/** The mimg command line: {@code mimg ls}, {@code mimg inspect}. */
public final class Main {

  /** Exit code: success. */
  public static final int OK = 0;
  /** Exit code: the request failed (unknown image, unreachable engine, bad input value). */
  public static final int FAILED = 1;
  /** Exit code: the command line itself is malformed (unknown flag, missing argument). */
  public static final int USAGE = 2;

  private Main() {
  }

  /** Runs the CLI and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  private static String firstLine(String message) {
    return message == null ? "(no message)" : message.lines().findFirst().orElse("");
  }

  private static String unexpected(Throwable failure) {
    return "mimg: unexpected " + failure.getClass().getSimpleName() + ": " + firstLine(failure.getMessage())
        + " (MIMG_DEBUG=1 shows the stack trace)";
  }

  /** Runs the CLI on stdout/stderr and returns its exit code. */
  public static int run(String... args) {
    return run(utf8(System.out), utf8(System.err), args);
  }

  /** A writer that prints UTF-8 whatever the locale (a cron job or {@code env -i} has none). */
  public static PrintWriter utf8(java.io.OutputStream stream) {
    return new PrintWriter(new java.io.OutputStreamWriter(stream, java.nio.charset.StandardCharsets.UTF_8), true);
  }

  /** Runs the CLI with the given streams and returns its exit code (for tests and embedding). */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return execute(new CommandLine(new MimgCommand()), out, err, args);
  }

  /**
   * Runs a front end's command line with mimg's conventions: exit 2 and one line for a malformed command line,
   * exit 1 and one line for a failed request, the DSL's warnings on {@code err}. The Groovy side uses it too.
   */
  public static int execute(CommandLine cli, PrintWriter out, PrintWriter err, String... args) {
    cli.setOut(out).setErr(err);
    Mimg.warnings(warning -> err.println("mimg: warning: " + warning));
    cli.setParameterExceptionHandler((e, ignored) -> {
      err.println("mimg: " + e.getMessage() + " (see '" + e.getCommandLine().getCommandSpec().qualifiedName()
          + " --help')");
      return USAGE;
    });
    cli.setExecutionExceptionHandler((e, command, parsed) -> {
      if (e instanceof StoreException || e instanceof IllegalArgumentException) {
        err.println("mimg: " + e.getMessage());
        return FAILED;
      }
      // picocli wraps an Error of a method subcommand (remote ls) in its ExecutionException: name the Error
      Throwable failure = e instanceof CommandLine.ExecutionException && e.getCause() instanceof Error ? e.getCause() : e;
      if ((failure instanceof RuntimeException || failure instanceof Error) && System.getenv("MIMG_DEBUG") == null) {
        err.println(unexpected(failure));
        return FAILED;
      }
      throw e;
    });
    int code;
    try {
      code = cli.execute(args);
    } catch (Error e) {   // a Runnable or Callable command's Error passes picocli unwrapped
      if (System.getenv("MIMG_DEBUG") != null) {
        throw e;
      }
      err.println(unexpected(e));
      code = FAILED;
    }
    out.flush();
    err.flush();
    return code;
  }
}
