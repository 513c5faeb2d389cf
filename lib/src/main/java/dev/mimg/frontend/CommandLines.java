package dev.mimg.frontend;

import dev.mimg.model.RequestFailedException;
import dev.mimg.query.Mimg;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** The conventions every front end's command line keeps: its exit codes, one-line errors, UTF-8 output. */
public final class CommandLines {

  /** Exit code: success. */
  public static final int OK = 0;
  /** Exit code: the request failed (unknown image, unreachable engine, bad input value). */
  public static final int FAILED = 1;
  /** Exit code: the command line itself is malformed (unknown flag, missing argument). */
  public static final int USAGE = 2;

  private CommandLines() {
  }

  /** A writer that prints UTF-8 whatever the locale (a cron job or {@code env -i} has none). */
  public static PrintWriter utf8(OutputStream stream) {
    return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
  }

  private static String firstLine(String message) {
    return message == null ? "(no message)" : message.lines().findFirst().orElse("");
  }

  private static String unexpected(Throwable failure) {
    return "mimg: unexpected " + failure.getClass().getSimpleName() + ": " + firstLine(failure.getMessage())
        + " (MIMG_DEBUG=1 shows the stack trace)";
  }

  /**
   * Runs a front end's command line with mimg's conventions: exit 2 and one line for a malformed command line,
   * exit 1 and one line for a failed request, the DSL's warnings on {@code err}. Both front ends use it.
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
      if (e instanceof RequestFailedException || e instanceof IllegalArgumentException) {
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
