package dev.mimg.shell;

import dev.mimg.frontend.Command;
import dev.mimg.frontend.CommandLines;
import dev.mimg.frontend.Invocation;
import dev.mimg.frontend.Option;
import dev.mimg.frontend.StoreOptions;
import dev.mimg.model.Timeouts;
import dev.mimg.query.Stores;
import dev.mimg.store.ImageStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Entry of the Groovy side ({@code ./mimg shell}, {@code ./mimg run}, {@code jbang mimg-shell@...}), kept apart
 * from the CLI so that Groovy never loads for {@code mimg ls}: {@code shell [-H HOST|--store SPEC]},
 * {@code run [-H HOST|--store SPEC] SCRIPT.groovy [ARGS...]}, {@code run [-H HOST|--store SPEC] -e EXPRESSION}.
 * {@code --dry-run} anywhere after {@code run} is mimg's, never the script's: the script then sees a read-only
 * store, so a policy run with it cannot change anything. {@code agent POLICY.groovy [--every D | --once] [--apply]}
 * runs a policy on a schedule ({@link Agent}), a dry run unless {@code --apply}. Exit codes and one-line errors are
 * the CLI's.
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

  private static final Command AGENT = Command.named("agent")
      .describe("Run POLICY.groovy against the store now and then every --every: a node agent.",
          "MIMG_STORE or --store containerd names the node's containerd. Each round prints its plan with a "
              + "timestamp and, unless --apply, changes nothing. A failing round is one line and the next round "
              + "still comes; SIGTERM ends the agent between rounds.")
      .flag("--apply", "Carry out each round's plan (default: a dry run, only the plan; nothing changes).")
      .flag("--once", "One round, then exit with its code.")
      .value("DURATION", "--every", "Time from one round's start to the next's, e.g. 30m, 6h (default 1h).")
      .parameter("POLICY", "The policy script, read anew every round.", true, false)
      .exitCodes("0:stopped (SIGTERM), or --once and the round succeeded",
          "1:--once and the round failed, or the policy does not compile", "2:malformed command line",
          "3:--once on a fleet some of whose stores failed")
      .action(ShellMain::agent);

  /** How long a SIGTERM waits for the round in progress before the JVM ends anyway. */
  private static final Duration ROUND_GRACE = Duration.ofSeconds(60);

  private static final Command ROOT = StoreOptions.on(Command.named("mimg"))
      .describe("mimg's Groovy shell, script runner and node agent.").subcommands(SHELL, RUN, AGENT);

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
    int command = commandIndex(rest);
    if (command >= 0 && rest.get(command).equals("run")
        && rest.subList(command + 1, rest.size()).removeIf("--dry-run"::equals)) {
      rest.add(command + 1, "--dry-run");
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
    List<String> args = expression != null ? script : script.subList(1, script.size());
    return runScript(new StoreOptions(in), in.flag("--dry-run"), in, args, runner -> {
      if (expression != null) {
        runner.evaluate(expression);
      } else {
        runFile(runner, script.get(0));
      }
    });
  }

  private static int agent(Invocation in) {
    if (in.flag("--once") && in.value("--every") != null) {
      throw in.usage("--once and --every exclude each other");
    }
    String policy = in.parameter(0);
    ScriptRunner.compile(policy, scriptText(policy));
    Duration every = in.flag("--once") ? null : Timeouts.parse("--every", in.value("--every", "1h"));
    boolean apply = in.flag("--apply");
    StoreOptions stores = new StoreOptions(in);
    String mode = (apply ? "carrying out the plan" : "dry run: nothing changes, --apply carries out the plan")
        + ", on " + stores.named();
    Clock clock = Clock.systemUTC();
    Agent agent = new Agent(() -> runScript(stores, !apply, in, List.of(), runner -> runFile(runner, policy)),
        every, mode, clock, Agent.sleeping(clock), in.out(), in.err());
    // SIGTERM: stop between rounds, then exit with the agent's own code (0 when it was waiting), not the JVM's 143
    Thread hook = new Thread(() -> {
      int code = agent.stopAndWait(ROUND_GRACE);
      if (code >= 0) {
        Runtime.getRuntime().halt(code);
      }
    }, "mimg-agent-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return agent.run();
    } finally {
      removeHook(hook);
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is what is ending the agent
    }
  }

  /** Opens the store (read-only for a dry run), runs {@code body} on a runner over it, returns the exit code. */
  private static int runScript(StoreOptions stores, boolean dryRun, Invocation in, List<String> args,
      Consumer<ScriptRunner> body) {
    try (ImageStore opened = stores.open(in.err())) {
      ScriptRunner runner = new ScriptRunner(dryRun ? Stores.readOnly(opened) : opened, in.out(), in.err(), args);
      try {
        body.accept(runner);
      } catch (MultipleCompilationErrorsException e) {
        throw new IllegalArgumentException(Shell.firstLine(e.getMessage()), e);
      }
      in.out().flush();
      return StoreOptions.exitCode(opened, runner.exitCode());
    }
  }

  /** The index of the subcommand's word in {@code args} (after the store options), or -1. */
  private static int commandIndex(List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      String word = args.get(i);
      if (ROOT.subcommand(word).isPresent()) {
        return i;
      }
      boolean takesValue = ROOT.options().stream()
          .anyMatch(o -> o.arity() != Option.Arity.FLAG && o.names().contains(word));
      if (takesValue) {
        i++;
      } else if (!word.startsWith("-")) {
        return -1;
      }
    }
    return -1;
  }

  private static void runFile(ScriptRunner runner, String name) {
    runner.run(Path.of(name).getFileName().toString(), scriptText(name));
  }

  /** The text of a script file, or of a bundled example ({@code examples/NAME.groovy}) where no such file is. */
  private static String scriptText(String name) {
    Path file = Path.of(name);
    try {
      if (Files.isRegularFile(file)) {
        return Files.readString(file);
      }
      String bundled = bundledExample(name);
      if (bundled == null) {
        throw new IllegalArgumentException("no script " + file);
      }
      return bundled;
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
