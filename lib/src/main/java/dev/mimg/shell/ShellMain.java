package dev.mimg.shell;

import dev.mimg.frontend.Command;
import dev.mimg.frontend.CommandLines;
import dev.mimg.frontend.Invocation;
import dev.mimg.frontend.StoreOptions;
import dev.mimg.query.Stores;
import dev.mimg.store.ImageStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Entry of the Groovy side ({@code ./mimg shell}, {@code ./mimg run}, {@code jbang mimg-shell@...}), kept apart
 * from the CLI so that Groovy never loads for {@code mimg ls}: {@code shell [-H HOST|--store SPEC]},
 * {@code run [-H HOST|--store SPEC] SCRIPT.groovy [ARGS...]}, {@code run [-H HOST|--store SPEC] -e EXPRESSION}.
 * {@code --dry-run} anywhere after {@code run} is mimg's, never the script's: the script then sees a read-only
 * store, so a policy run with it cannot change anything. Exit codes and one-line errors are the CLI's.
 */
public final class ShellMain {

  private static final Command SHELL = Command.named("shell").describe("The Groovy REPL with the DSL at hand.")
      .action(ShellMain::shell);

  private static final Command RUN = Command.named("run").describe("Run SCRIPT.groovy [ARGS...] or -e EXPR.")
      .flag("--dry-run", "Every mutation of the script only reports; nothing changes.")
      .value("EXPR", "-e", "Evaluate EXPR and print its value.")
      .parameter("SCRIPT [ARGS]", "The script and its arguments.", false, true)
      .stopAtPositional()
      .action(ShellMain::run);

  private static final Command ROOT = StoreOptions.on(Command.named("mimg"))
      .describe("mimg's Groovy shell and script runner.").subcommands(SHELL, RUN);

  private ShellMain() {
  }

  /** Runs and exits: 0 done, 1 the script or a query failed, 2 malformed command line. */
  public static void main(String[] args) {
    System.exit(run(CommandLines.utf8(System.out), CommandLines.utf8(System.err), args));
  }

  /** Runs with the given streams and returns the exit code ({@code shell} when no command is given). */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    List<String> rest = new ArrayList<>(List.of(args));
    if (rest.isEmpty()) {
      rest.add("shell");
    }
    if (rest.get(0).equals("run") && rest.removeIf("--dry-run"::equals)) {
      rest.add(1, "--dry-run");
    }
    return CommandLines.execute(ROOT, "mimg 0.1.0", out, err, rest.toArray(String[]::new));
  }

  private static int shell(Invocation in) {
    try (ImageStore opened = new StoreOptions(in).open(in.err());
        Terminal terminal = TerminalBuilder.builder().system(true).build()) {
      new Shell(new ScriptRunner(opened, terminal.writer(), in.err(), List.of()), terminal).loop();
      return CommandLines.OK;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int run(Invocation in) {
    String expression = in.value("-e");
    List<String> script = in.parameters();
    if (expression == null && script.isEmpty()) {
      throw in.usage("run needs a script file or -e EXPRESSION");
    }
    try (ImageStore opened = new StoreOptions(in).open(in.err())) {
      ScriptRunner runner = new ScriptRunner(in.flag("--dry-run") ? Stores.readOnly(opened) : opened, in.out(),
          in.err(), expression != null ? script : script.subList(1, script.size()));
      try {
        if (expression != null) {
          runner.evaluate(expression);
        } else {
          runFile(runner, script.get(0));
        }
      } catch (MultipleCompilationErrorsException e) {
        throw new IllegalArgumentException(Shell.firstLine(e.getMessage()), e);
      }
      in.out().flush();
      return StoreOptions.exitCode(opened, runner.exitCode());
    }
  }

  private static void runFile(ScriptRunner runner, String name) {
    Path file = Path.of(name);
    try {
      String bundled = bundledExample(name);
      if (Files.isRegularFile(file)) {
        runner.run(file);
      } else if (bundled != null) {
        runner.run(file.getFileName().toString(), bundled);
      } else {
        throw new IllegalArgumentException("no script " + file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text of {@code examples/NAME.groovy} as the jar carries it (for the catalog's aliases), or null. */
  private static String bundledExample(String path) throws IOException {
    if (!path.matches("examples/[\\w.-]+\\.groovy")) {
      return null;
    }
    try (InputStream in = ShellMain.class.getResourceAsStream("/" + path)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
