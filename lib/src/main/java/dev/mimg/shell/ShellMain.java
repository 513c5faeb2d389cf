package dev.mimg.shell;

import dev.mimg.query.Stores;
import dev.mimg.store.ImageStore;
import dev.mimg.store.StoreException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Entry of the Groovy side ({@code ./mimg shell}, {@code ./mimg run}, {@code jbang mimg-shell@...}), kept apart
 * from the CLI so that Groovy never loads for {@code mimg ls}:
 * {@code shell [-H HOST|--store SPEC]}, {@code run [-H HOST|--store SPEC] SCRIPT.groovy [ARGS...]},
 * {@code run [-H HOST|--store SPEC] -e EXPRESSION}.
 * {@code --dry-run} anywhere after {@code run} makes every mutation of the script a dry run (it is taken by mimg,
 * never passed to the script: a policy run with it cannot change anything).
 */
public final class ShellMain {

  private ShellMain() {
  }

  /** Runs and exits: 0 done, 1 the script or a query failed, 2 malformed command line. */
  public static void main(String[] args) throws Exception {
    System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /** Runs with the given streams and returns the exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) throws Exception {
    List<String> rest = new ArrayList<>(List.of(args));
    String command = rest.isEmpty() ? "shell" : rest.remove(0);
    boolean dryRun = command.equals("run") && rest.removeIf("--dry-run"::equals);
    String host = null;
    String storeSpec = null;
    while (rest.size() >= 2 && List.of("-H", "--host", "--store").contains(rest.get(0))) {
      if (rest.get(0).equals("--store")) {
        storeSpec = rest.get(1);
      } else {
        host = rest.get(1);
      }
      rest.subList(0, 2).clear();
    }
    try (ImageStore store = Stores.select(storeSpec, host, false, notice -> err.println("mimg: notice: " + notice))) {
      switch (command) {
        case "shell" -> {
          try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            new Shell(new ScriptRunner(store, terminal.writer(), List.of()), terminal).loop();
          }
          return 0;
        }
        case "run" -> {
          return runScript(store, out, err, rest, dryRun);
        }
        default -> {
          err.println("mimg: unknown command \"" + command + "\": expected shell or run");
          return 2;
        }
      }
    } catch (StoreException | IllegalArgumentException e) {
      err.println("mimg: " + e.getMessage());
      return 1;
    } catch (RuntimeException | java.io.IOException e) {
      if (System.getenv("MIMG_DEBUG") != null) {
        throw e;
      }
      err.println("mimg: " + e.getClass().getSimpleName() + ": "
          + Shell.firstLine(e.getMessage() == null ? e.toString() : e.getMessage()));
      return 1;
    }
  }

  /** The text of {@code examples/NAME.groovy} as the jar carries it (for the catalog's aliases), or null. */
  private static String bundledExample(String path) throws java.io.IOException {
    if (!path.matches("examples/[\\w.-]+\\.groovy")) {
      return null;
    }
    try (java.io.InputStream in = ShellMain.class.getResourceAsStream("/" + path)) {
      return in == null ? null : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private static int runScript(ImageStore store, PrintWriter out, PrintWriter err, List<String> rest, boolean dryRun)
      throws Exception {
    if (rest.isEmpty()) {
      err.println("mimg: run needs a script file or -e EXPRESSION (see README)");
      return 2;
    }
    boolean expression = rest.get(0).equals("-e");
    if (expression && rest.size() < 2) {
      err.println("mimg: -e needs an expression");
      return 2;
    }
    List<String> scriptArgs = rest.subList(expression ? 2 : 1, rest.size());
    ScriptRunner runner = new ScriptRunner(store, out, scriptArgs, dryRun);
    try {
      if (expression) {
        runner.evaluate(rest.get(1));
      } else {
        Path script = Path.of(rest.get(0));
        String bundled = bundledExample(rest.get(0));
        if (Files.isRegularFile(script)) {
          runner.run(script);
        } else if (bundled != null) {
          runner.run(script.getFileName().toString(), bundled);
        } else {
          err.println("mimg: no script " + script);
          return 1;
        }
      }
      out.flush();
      return 0;
    } catch (org.codehaus.groovy.control.MultipleCompilationErrorsException e) {
      err.println("mimg: " + Shell.firstLine(e.getMessage()));
      return 1;
    }
  }
}
