package dev.mimg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The CLI never loads Groovy: asked for shell or run, it says in one line where the Groovy side is. */
class ShellCommandTest {

  @Test
  void runAndShellPointToTheGroovySide() {
    for (String command : new String[] {"run", "shell"}) {
      StringWriter err = new StringWriter();
      int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), command, "-e", "1");
      assertThat(code).isEqualTo(1);
      assertThat(err.toString()).isEqualTo("mimg: '" + command + "' runs on the Groovy side: use ./mimg " + command
          + " (from a checkout) or jbang mimg-shell@<catalog> " + command + "\n");
    }
  }
}
