package dev.mimg.shell;

import dev.mimg.query.ImageQuery;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.completer.StringsCompleter;
import org.jline.terminal.Terminal;

/**
 * The interactive Groovy shell: JLine for editing, history ($HOME/.mimg_history) and completion of the DSL's
 * methods; a statement left open (a brace, a bracket, a trailing dot) continues on the next line.
 * {@code :quit} or Ctrl-D leaves.
 */
public final class Shell {

  private static final String PROMPT = "mimg> ";
  private static final String MORE = "....> ";
  private static final Pattern POSITION = Pattern.compile("@ line (\\d+), column \\d+");

  private final ScriptRunner runner;
  private final Terminal terminal;

  /** A shell evaluating with {@code runner} on {@code terminal}. */
  public Shell(ScriptRunner runner, Terminal terminal) {
    this.runner = runner;
    this.terminal = terminal;
  }

  /** Reads, evaluates and prints until {@code :quit} or end of input. */
  public void loop() {
    LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("mimg")
        .completer(new StringsCompleter(completions()))
        .variable(LineReader.HISTORY_FILE, historyFile())
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
        .build();
    PrintWriter out = terminal.writer();
    out.println("mimg shell: the DSL is at hand, e.g. images().platform(\"linux/arm64\").shallow()  (:quit leaves)");
    StringBuilder pending = new StringBuilder();
    while (true) {
      String line;
      try {
        line = reader.readLine(pending.length() == 0 ? PROMPT : MORE);
      } catch (UserInterruptException e) {
        pending.setLength(0);
        continue;
      } catch (EndOfFileException e) {
        saveHistory(reader);
        return;
      }
      if (pending.length() == 0 && (line.strip().equals(":quit") || line.strip().equals(":exit"))) {
        saveHistory(reader);
        return;
      }
      pending.append(line).append('\n');
      try {
        runner.evaluate(pending.toString());
        pending.setLength(0);
      } catch (MultipleCompilationErrorsException e) {
        if (!incomplete(e, pending.toString())) {
          out.println("error: " + firstLine(e.getMessage()));
          pending.setLength(0);
        }
      } catch (RuntimeException e) {
        out.println("error: " + firstLine(e.getMessage() == null ? e.toString() : e.getMessage()));
        pending.setLength(0);
      }
      out.flush();
    }
  }

  /** $HOME/.mimg_history (HOME as the shell has it; the JVM's user.home when HOME is unset). */
  static Path historyFile() {
    return dev.mimg.model.UserDirs.home(System.getenv()).resolve(".mimg_history");
  }

  private static void saveHistory(LineReader reader) {
    try {
      reader.getHistory().save();
    } catch (java.io.IOException e) {
      reader.getTerminal().writer().println("mimg: could not save history: " + e.getMessage());
    }
  }

  /** True when the compiler stopped at the end of the input (an open brace, a trailing dot): it goes on. */
  static boolean incomplete(MultipleCompilationErrorsException e, String input) {
    String message = e.getMessage();
    if (message.contains("'<EOF>'") || message.contains("unexpected end of file")) {
      return true;
    }
    Matcher at = POSITION.matcher(message);
    return at.find() && Integer.parseInt(at.group(1)) > input.strip().lines().count();
  }

  /** The line of a Groovy error worth showing (not "startup failed:", not the REPL's own file name). */
  static String firstLine(String message) {
    return message.lines().filter(l -> !l.isBlank() && !l.startsWith("startup failed")).findFirst().orElse(message)
        .replaceFirst("^mimg\\.groovy: \\d+: ", "");
  }

  /** The DSL's method names, as completions: images(, platform(, shallow(... */
  static List<String> completions() {
    return Stream.concat(Arrays.stream(ImageQuery.class.getMethods()),
        Arrays.stream(MimgScript.class.getDeclaredMethods()))
        .filter(m -> Modifier.isPublic(m.getModifiers()) && m.getDeclaringClass() != Object.class)
        .map(Method::getName).distinct().sorted().map(name -> name + "(").toList();
  }
}
