package dev.mimg.shell;

import dev.mimg.frontend.StoreOptions;
import dev.mimg.frontend.CommandLines;
import dev.mimg.store.ImageStore;
import dev.mimg.store.ReadOnlyStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Entry of the Groovy side ({@code ./mimg shell}, {@code ./mimg run}, {@code jbang mimg-shell@...}), kept apart
 * from the CLI so that Groovy never loads for {@code mimg ls}: {@code shell [-H HOST|--store SPEC]},
 * {@code run [-H HOST|--store SPEC] SCRIPT.groovy [ARGS...]}, {@code run [-H HOST|--store SPEC] -e EXPRESSION}.
 * {@code --dry-run} anywhere after {@code run} is mimg's, never the script's: the script then sees a read-only
 * store, so a policy run with it cannot change anything. Exit codes and one-line errors are the CLI's.
 */
@Command(name = "mimg", subcommands = {ShellMain.ShellCommand.class, ShellMain.RunCommand.class},
    mixinStandardHelpOptions = true, version = "mimg 0.1.0", description = "mimg's Groovy shell and script runner.")
public final class ShellMain implements Runnable {

  @Spec
  CommandLine.Model.CommandSpec spec;

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
    CommandLine cli = new CommandLine(new ShellMain());
    cli.getSubcommands().get("run").setStopAtPositional(true);
    return CommandLines.execute(cli, out, err, rest.toArray(String[]::new));
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code shell}: the REPL. */
  @Command(name = "shell", mixinStandardHelpOptions = true, description = "The Groovy REPL with the DSL at hand.")
  static final class ShellCommand implements Callable<Integer> {

    @Mixin
    StoreOptions store;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      PrintWriter err = spec.commandLine().getErr();
      try (ImageStore opened = store.open(err); Terminal terminal = TerminalBuilder.builder().system(true).build()) {
        new Shell(new ScriptRunner(opened, terminal.writer(), err, List.of()), terminal).loop();
      }
      return CommandLines.OK;
    }
  }

  /** {@code run}: a script file (or one of the bundled examples) or an expression. */
  @Command(name = "run", mixinStandardHelpOptions = true, description = "Run SCRIPT.groovy [ARGS...] or -e EXPR.")
  static final class RunCommand implements Callable<Integer> {

    @Mixin
    StoreOptions store;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--dry-run", description = "Every mutation of the script only reports; nothing changes.")
    boolean dryRun;

    @Option(names = "-e", paramLabel = "EXPR", description = "Evaluate EXPR and print its value.")
    String expression;

    @Parameters(paramLabel = "SCRIPT [ARGS]", arity = "0..*", description = "The script and its arguments.")
    List<String> script = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      if (expression == null && script.isEmpty()) {
        throw new CommandLine.ParameterException(spec.commandLine(), "run needs a script file or -e EXPRESSION");
      }
      try (ImageStore opened = store.open(err)) {
        ScriptRunner runner = new ScriptRunner(dryRun ? new ReadOnlyStore(opened) : opened, out, err,
            expression != null ? script : script.subList(1, script.size()));
        try {
          if (expression != null) {
            runner.evaluate(expression);
          } else {
            runFile(runner, script.get(0));
          }
        } catch (MultipleCompilationErrorsException e) {
          throw new IllegalArgumentException(Shell.firstLine(e.getMessage()), e);
        }
        out.flush();
        return runner.exitCode();
      }
    }

    private static void runFile(ScriptRunner runner, String name) throws IOException {
      Path file = Path.of(name);
      String bundled = bundledExample(name);
      if (Files.isRegularFile(file)) {
        runner.run(file);
      } else if (bundled != null) {
        runner.run(file.getFileName().toString(), bundled);
      } else {
        throw new IllegalArgumentException("no script " + file);
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
}
