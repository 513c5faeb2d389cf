package dev.mimg.shell;

import dev.mimg.bed.BedTest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mimg.bed.Bed;
import dev.mimg.model.Image;
import dev.mimg.query.Mimg;
import dev.mimg.store.docker.DockerEngineStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Groovy side on the bed's engine: scripts, one-liners and the REPL through a pseudo-terminal. */
@BedTest
class ShellTest {

  @TempDir
  Path dir;

  private static final String HOST = System.getenv("MIMG_BED_SNAP_HOST");

  @Test
  void groovyAndJavaFormsOfAQueryAgree() {
    try (DockerEngineStore store = DockerEngineStore.connect(Bed.snap())) {
      StringWriter out = new StringWriter();
      ScriptRunner runner = new ScriptRunner(store, new PrintWriter(out), new PrintWriter(new StringWriter()), List.of());
      Object groovy = runner.evaluate("images().shallow().where { it.created < 30.days.ago }.list()*.id");
      List<Object> javaForm = Mimg.images(store).shallow()
          .where(image -> image.created().isBefore(Instant.now().minus(Duration.ofDays(30))))
          .list().stream().map(Image::id).map(Object.class::cast).toList();
      assertThat(groovy).asList().containsExactlyElementsOf(javaForm).isNotEmpty();
      assertThat(out.toString().lines()).hasSize(javaForm.size());
    }
  }

  @Test
  void aScriptFileGetsItsArgumentsAndTheDsl() throws Exception {
    Path script = dir.resolve("missing.groovy");
    Files.writeString(script, """
        def platform = args[0]
        images().platform(platform).list().each { image ->
          out.println "${image.tags()*.familiarString().join(',')} ${image.present().size()}/${image.total()}"
        }
        """);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = ShellMain.run(new PrintWriter(out), new PrintWriter(err), "run", "-H", HOST, script.toString(), "linux/s390x");
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).isEqualTo(Bed.ref("mimg/alpine:3.16") + "," + Bed.ref("mimg/alpine:latest") + " 3/7\n");
  }

  @Test
  void aOneLinerPrintsAQueryAsItsTable() throws Exception {
    StringWriter out = new StringWriter();
    int code = ShellMain.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "run", "-H", HOST, "-e",
        "images().platform('linux/riscv64')");
    assertThat(code).isZero();
    assertThat(out.toString()).startsWith("REPOSITORY").contains(Bed.ref("mimg/busybox")).contains("linux/riscv64");
  }

  @Test
  void aScriptThatDoesNotCompileIsOneLine() throws Exception {
    StringWriter err = new StringWriter();
    int code = ShellMain.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "run", "-H", HOST, "-e",
        "images(.count()");
    assertThat(code).isEqualTo(1);
    assertThat(err.toString().strip().split("\n")).hasSize(1);
  }

  @Test
  void theReplAnswersThroughAPseudoTerminal() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String command = java + " -cp " + System.getProperty("java.class.path") + " dev.mimg.shell.ShellMain shell -H " + HOST;
    ProcessBuilder builder = new ProcessBuilder("script", "-qfec", command, "/dev/null");
    builder.environment().put("HOME", dir.toString());
    builder.environment().put("TERM", "dumb");
    builder.redirectErrorStream(true);
    Process process = builder.start();
    process.getOutputStream().write(("images().platform('linux/s390x').count()\n"
        + "images().reference('*/mimg/busybox').\n  first().get().platforms()\n:quit\n").getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().flush();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String screen = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(screen).contains("mimg> 1").contains("....> linux/riscv64");

    assertThat(dir.resolve(".mimg_history")).exists();
  }
}
