package dev.mimg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated bash completion loads in bash and completes mimg's commands and flags. */
class CompletionTest {

  @TempDir
  Path dir;

  @Test
  void bashCompletesCommandsAndFlags() throws Exception {
    StringWriter out = new StringWriter();
    assertThat(Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "completion")).isZero();
    Path script = dir.resolve("mimg-completion.bash");
    Files.writeString(script, out.toString());
    String probe = "source " + script + "\n"
        + "COMP_WORDS=(mimg ''); COMP_CWORD=1; COMP_LINE='mimg '; COMP_POINT=5; _complete_mimg; echo \"${COMPREPLY[@]}\"\n"
        + "COMP_WORDS=(mimg rm --); COMP_CWORD=2; COMP_LINE='mimg rm --'; COMP_POINT=10; _complete_mimg; echo \"${COMPREPLY[@]}\"\n";
    Process bash = new ProcessBuilder("bash", "-c", probe).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
    List<String> lines = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    assertThat(lines.get(0).split(" ")).contains("ls", "inspect", "rm", "prune", "pull");
    assertThat(lines.get(1).split(" ")).contains("--platform", "--dry-run", "--force");
  }
}
