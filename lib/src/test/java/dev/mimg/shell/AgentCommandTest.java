package dev.mimg.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mimg agent} and {@code mimg run} on a copy of the committed example layout (no engine): a dry run by
 * default that changes nothing, {@code --apply} carrying the plan out, and one line for bad input.
 */
class AgentCommandTest {

  private static final String POLICY = "enforce images().reference('*/mimg/busybox:*')\n";

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private Path layout() throws IOException {
    Path source = Path.of("../examples/store");
    Path copy = dir.resolve("store");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.copy(file, copy.resolve(source.relativize(file).toString()));
      }
    }
    return copy;
  }

  private Path policy(String text) throws IOException {
    return Files.writeString(dir.resolve("policy.groovy"), text);
  }

  private int mimg(String... args) {
    return ShellMain.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void aDryRunRoundPrintsThePlanAndChangesNothing() throws IOException {
    Path store = layout();
    String before = Files.readString(store.resolve("index.json"));
    int code = mimg("--store", "oci:" + store, "agent", policy(POLICY).toString(), "--once");
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).containsPattern("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ mimg agent: round 1 "
        + "\\(dry run: nothing changes, --apply carries out the plan, on oci:" + store + "\\)\n")
        .contains("remove    127.0.0.1:5123/mimg/busybox:1.36", "dry run: would remove 1")
        .containsPattern("mimg agent: round 1 done\n$");
    assertThat(Files.readString(store.resolve("index.json"))).isEqualTo(before);
  }

  @Test
  void applyCarriesOutThePlan() throws IOException {
    Path store = layout();
    int code = mimg("--store", "oci:" + store, "agent", policy(POLICY).toString(), "--once", "--apply");
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("(carrying out the plan, on oci:").contains("removed 1");
    assertThat(Files.readString(store.resolve("index.json"))).doesNotContain("mimg/busybox");
  }

  @Test
  void runDryRunAfterTheStoreOptionIsStillMimgs() throws IOException {
    Path store = layout();
    String before = Files.readString(store.resolve("index.json"));
    int code = mimg("--store", "oci:" + store, "run", policy(POLICY).toString(), "--dry-run");
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("dry run: would remove 1");
    assertThat(Files.readString(store.resolve("index.json"))).isEqualTo(before);
  }

  @Test
  void everyCommandOfTheGroovySideHasHelp() {
    for (String command : new String[] {"agent", "run", "shell"}) {
      assertThat(mimg(command, "--help")).as(command + ": " + err).isZero();
    }
    assertThat(out.toString()).contains("Usage: mimg agent", "Exit codes:", "  3   --once on a fleet");
  }

  @Test
  void badInputIsOneLine() throws IOException {
    String store = "oci:" + layout();
    assertThat(mimg("--store", store, "agent", dir.resolve("none.groovy").toString(), "--once")).isEqualTo(1);
    assertThat(err.toString()).isEqualTo("mimg: no script " + dir.resolve("none.groovy") + "\n");
    assertThat(out.toString()).isEmpty();

    err.getBuffer().setLength(0);
    assertThat(mimg("--store", store, "agent", policy("enforce images(.x").toString())).isEqualTo(1);
    assertThat(err.toString().lines()).singleElement().asString().startsWith("mimg: ");
    assertThat(out.toString()).isEmpty();

    err.getBuffer().setLength(0);
    assertThat(mimg("agent", policy(POLICY).toString(), "--once", "--every", "1m")).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("mimg: --once and --every exclude each other (see 'mimg agent --help')\n");

    err.getBuffer().setLength(0);
    assertThat(mimg("--store", store, "agent", policy(POLICY).toString(), "--every", "soon")).isEqualTo(1);
    assertThat(err.toString().lines()).singleElement().asString().startsWith("mimg: invalid --every");
  }

  @Test
  void aRoundOnAStoreThatIsGoneFailsInOneLine() throws IOException {
    int code = mimg("--store", "oci:" + dir.resolve("gone"), "agent", policy(POLICY).toString(), "--once");
    assertThat(code).isEqualTo(1);
    assertThat(err.toString().lines()).singleElement().asString()
        .matches("\\S+Z mimg agent: round 1 failed: .*gone.*");
  }
}
