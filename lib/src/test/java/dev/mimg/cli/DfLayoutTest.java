package dev.mimg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code mimg df} on the committed example store agrees with the layout's files on disk. */
class DfLayoutTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path STORE = Path.of("../examples/store");

  @Test
  void theTotalIsEveryBlobOnDiskButTheIndexesEachOnce() throws IOException {
    long onDisk = 0;
    try (Stream<Path> blobs = Files.list(STORE.resolve("blobs/sha256"))) {
      for (Path blob : blobs.toList()) {
        onDisk += isIndex(blob) ? 0 : Files.size(blob);
      }
    }
    JsonNode use = JSON.readTree(df("--format", "json"));
    assertThat(use.path("Total").path("Content").asLong()).isEqualTo(onDisk);
    assertThat(use.path("Total").path("Unpacked").asLong()).isZero();
    long rows = 0;
    for (JsonNode row : use.path("Rows")) {
      rows += row.path("Content").asLong() - row.path("Shared").asLong();
    }
    assertThat(rows).as("rows share nothing in the example store, so they add up to the total").isEqualTo(onDisk);
  }

  @Test
  void byRepositoryListsEachRepositoryOnceAndATotalLine() {
    String table = df("--by", "repository");
    assertThat(table.lines().findFirst().orElseThrow()).startsWith("REPOSITORY").contains("DISK USAGE", "SHARED",
        "RECLAIMABLE");
    assertThat(table.lines().filter(line -> line.startsWith("127.0.0.1:5123/mimg/alpine ")).count()).isEqualTo(1);
    assertThat(table.lines().reduce((a, b) -> b).orElseThrow()).startsWith("TOTAL");
  }

  @Test
  void aTemplateGetsOneLinePerRowAndNoTotal() {
    assertThat(df("--platform", "linux/riscv64", "--format", "{{.Platform}} {{.Variants}}"))
        .isEqualTo("linux/riscv64 1\n");
  }

  @Test
  void theReadmeShowsTheOutputAsItIs() throws IOException {
    String readme = Files.readString(Path.of("../README.md"));
    String command = "$ ./mimg --store oci:examples/store df --by repository\n";
    int start = readme.indexOf(command) + command.length();
    String shown = readme.substring(start, readme.indexOf("```", start));
    assertThat(df("--by", "repository").replaceAll(" +\n", "\n")).isEqualTo(shown);
  }

  private static boolean isIndex(Path blob) throws IOException {
    if (Files.size(blob) > 1 << 20) {
      return false;
    }
    try {
      return JSON.readTree(blob.toFile()).has("manifests");
    } catch (IOException notJson) {
      return false;
    }
  }

  private static String df(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] all = Stream.concat(Stream.of("--store", "oci:" + STORE, "df"), Stream.of(args)).toArray(String[]::new);
    assertThat(Main.run(new PrintWriter(out), new PrintWriter(err), all)).as(err.toString()).isZero();
    return out.toString();
  }
}
