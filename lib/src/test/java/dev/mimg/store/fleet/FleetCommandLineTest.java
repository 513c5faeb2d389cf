package dev.mimg.store.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimg.cli.Main;
import dev.mimg.faults.SilentServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * A fleet on the command line with no bed: a layout that answers and an engine that accepts and never answers (a
 * loopback socket): the layout's rows, one notice for the engine, exit code 3.
 */
class FleetCommandLineTest {

  record Result(int code, String out, String err) {
  }

  static Result mimg(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void aHangingEngineTimesOutWhileTheLayoutAnswers() throws Exception {
    try (SilentServer silent = new SilentServer()) {
      long start = System.nanoTime();
      Result result = mimg("--store", "oci:../examples/store", "--store", "engine:tcp://" + silent.address(),
          "--store-timeout", "1s", "ls");
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertThat(result.code()).as(result.err()).isEqualTo(3);
      assertThat(result.out().lines().findFirst().orElseThrow()).startsWith("STORE ");
      assertThat(result.out()).contains("oci:../examples/store   127.0.0.1:5123/mimg/alpine");
      assertThat(result.err().lines().filter(line -> line.contains("engine:tcp://"))).singleElement().asString()
          .startsWith("mimg: notice: store engine:tcp://" + silent.address()).contains("no answer within 1 s");
      assertThat(millis).isLessThan(10_000);
    }
  }

  @Test
  void oneStoreBehavesAsBefore() {
    Result fleetOfOne = mimg("--store", "oci:../examples/store", "ls");
    assertThat(fleetOfOne.code()).isZero();
    assertThat(fleetOfOne.out()).startsWith("REPOSITORY ").doesNotContain("STORE");
  }

  @Test
  void aFleetPlanIsGroupedPerStoreAndJsonCarriesTheStore() {
    Result result = mimg("--store", "oci:../examples/store", "--store", "oci:../examples/store/.",
        "prune", "--platforms", "--keep", "linux/amd64", "--dry-run", "--format", "json");
    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out()).contains("\"Store\":\"oci:../examples/store\"", "\"Store\":\"oci:../examples/store/.\"");
  }

  @Test
  void badFleetInputIsOneLine() {
    Result twice = mimg("--store", "oci:../examples/store", "--store", "oci:../examples/store", "ls");
    assertThat(twice.code()).isEqualTo(1);
    assertThat(twice.err()).isEqualTo("mimg: the store oci:../examples/store is named twice\n");
    Result timeout = mimg("--store", "oci:../examples/store", "--store-timeout", "soon", "ls");
    assertThat(timeout.code()).isEqualTo(1);
    assertThat(timeout.err().lines()).singleElement().asString().startsWith("mimg: invalid --store-timeout");
    Result pull = mimg("--store", "oci:../examples/store", "--store", "oci:../examples/store/.", "pull", "x:1");
    assertThat(pull.code()).isEqualTo(1);
    assertThat(pull.err()).isEqualTo("mimg: pull works on one store: give one --store or --context\n");
  }
}
