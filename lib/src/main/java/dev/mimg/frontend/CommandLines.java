package dev.mimg.frontend;

import dev.mimg.model.RequestFailedException;
import dev.mimg.query.Mimg;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The conventions every front end's command line keeps: its exit codes, one-line errors, UTF-8 output. */
public final class CommandLines {

  /** Exit code: success. */
  public static final int OK = 0;
  /** Exit code: the request failed (unknown image, unreachable engine, bad input value). */
  public static final int FAILED = 1;
  /** Exit code: the command line itself is malformed (unknown flag, missing argument). */
  public static final int USAGE = 2;
  /** Exit code: on a fleet, some stores failed or did not answer (each said so in one line); the others answered. */
  public static final int PARTIAL = 3;

  private CommandLines() {
  }

  /** A writer that prints UTF-8 whatever the locale (a cron job or {@code env -i} has none). */
  public static PrintWriter utf8(OutputStream stream) {
    return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
  }

  private static String firstLine(String message) {
    return message == null ? "(no message)" : message.lines().findFirst().orElse("");
  }

  /**
   * The one line a failure is told in, after {@code "mimg: "}: the message of a failed request or bad input value,
   * else {@code unexpected TYPE: message} (a bug: {@code MIMG_DEBUG=1} shows its stack trace).
   */
  public static String describe(Throwable failure) {
    if (failure instanceof RequestFailedException || failure instanceof IllegalArgumentException) {
      return firstLine(failure.getMessage());
    }
    return "unexpected " + failure.getClass().getSimpleName() + ": " + firstLine(failure.getMessage())
        + " (MIMG_DEBUG=1 shows the stack trace)";
  }

  /**
   * Runs a front end's command line with mimg's conventions: exit 2 and one line naming the help for a malformed
   * command line, exit 1 and one line for a failed request, help and version on request, the DSL's warnings on
   * {@code err}. Both front ends use it.
   */
  public static int execute(Command root, String version, PrintWriter out, PrintWriter err, String... args) {
    Mimg.warnings(warning -> err.println("mimg: warning: " + warning));
    int code;
    try {
      code = run(root, version, out, err, args);
    } catch (UsageException e) {
      err.println("mimg: " + e.getMessage() + " (see '" + e.command() + " --help')");
      code = USAGE;
    } catch (RequestFailedException | IllegalArgumentException e) {
      err.println("mimg: " + describe(e));
      code = FAILED;
    } catch (RuntimeException | Error e) {
      if (System.getenv("MIMG_DEBUG") != null) {
        throw e;
      }
      err.println("mimg: " + describe(e));
      code = FAILED;
    }
    out.flush();
    err.flush();
    return code;
  }

  private static int run(Command root, String version, PrintWriter out, PrintWriter err, String... args) {
    Parser.Parsed parsed = Parser.parse(root, args);
    Command command = parsed.path().get(parsed.path().size() - 1);
    if (parsed.wants(Parser.VERSION)) {
      out.println(version);
      return OK;
    }
    if (parsed.wants(Parser.HELP) || command.action() == null) {
      out.print(Help.of(parsed.path()));
      return OK;
    }
    return command.action().apply(new Invocation(parsed.path(), parsed.values(), parsed.parameters(), out, err));
  }

  /** The help of {@code path} (for a command that shows it itself). */
  public static String help(java.util.List<Command> path) {
    return Help.of(path);
  }
}
