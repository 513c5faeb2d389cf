package dev.mimg.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimg.bed.Bed;
import dev.mimg.bed.BedTest;
import dev.mimg.bed.RegistryFaults;
import dev.mimg.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mimg cp} through a registry that breaks midway (the bed's, behind {@link RegistryFaults}): a 401 or a
 * lasting 429 on the target, or a blob whose bytes do not match its digest from the source, each fail in one line
 * with nothing named at the target; a 429 that passes is retried and the copy completes.
 */
@BedTest
class CopyFaultTest {

  private static final String RUN = Long.toHexString(System.nanoTime());

  @TempDir
  Path dir;

  record Result(int code, String out, String err) {

    List<String> errors() {
      return err.lines().filter(line -> !line.startsWith("mimg: notice:")).toList();
    }
  }

  private static Result mimg(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }

  private static String status(String manifestUrl) {
    return Bed.run(List.of("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", manifestUrl), Map.of());
  }

  @Test
  void aTargetThatRefusesABlobMidwayGetsNoName() throws Exception {
    try (RegistryFaults target = new RegistryFaults(Bed.registry())) {
      AtomicInteger uploads = new AtomicInteger();
      target.answer(401, Map.of(), (method, path) -> method.equals("PUT") && path.contains("/blobs/uploads/")
          && uploads.incrementAndGet() > 1);
      String repository = "cp-fault/" + RUN + "-401";
      Result result = mimg("--store", "registry:" + Bed.registry(), "cp", Bed.ref("mimg/alpine:3.16"), "--to",
          "registry:" + target.address(), "--as", repository + ":3.16");
      assertThat(result.code()).as(result.err()).isEqualTo(1);
      assertThat(result.errors()).hasSize(1).first().asString().startsWith("mimg: ").contains("401");
      assertThat(target.faults()).isPositive();
      assertThat(status("http://" + Bed.registry() + "/v2/" + repository + "/manifests/3.16")).isEqualTo("404");
    }
  }

  @Test
  void aLasting429FailsInOneLineAndAPassingOneIsRetried() throws Exception {
    try (RegistryFaults target = new RegistryFaults(Bed.registry())) {
      target.answer(429, Map.of("Retry-After", "0"), (method, path) -> method.equals("PUT")
          && path.contains("/manifests/"));
      String repository = "cp-fault/" + RUN + "-429";
      Result lasting = mimg("--store", "registry:" + Bed.registry(), "cp", Bed.ref("mimg/alpine:3.16"), "--to",
          "registry:" + target.address(), "--as", repository + ":3.16");
      assertThat(lasting.code()).as(lasting.err()).isEqualTo(1);
      assertThat(lasting.errors()).hasSize(1).first().asString().contains("429");
      assertThat(status("http://" + Bed.registry() + "/v2/" + repository + "/manifests/3.16")).isEqualTo("404");

      AtomicInteger puts = new AtomicInteger();
      target.answer(429, Map.of("Retry-After", "0"), (method, path) -> method.equals("PUT")
          && path.contains("/manifests/") && puts.incrementAndGet() <= 2);
      Result passing = mimg("--store", "registry:" + Bed.registry(), "cp", Bed.ref("mimg/alpine:3.16"), "--to",
          "registry:" + target.address(), "--as", repository + ":3.16");
      assertThat(passing.code()).as(passing.err()).isZero();
      assertThat(Bed.crane("digest", Bed.registry() + "/" + repository + ":3.16").strip())
          .isEqualTo(Bed.crane("digest", Bed.ref("mimg/alpine:3.16")).strip());
      assertThat(Bed.crane("validate", "--remote", Bed.registry() + "/" + repository + ":3.16")).contains("PASS");
    }
  }

  @Test
  void aSourceBlobOfTheWrongDigestFailsInOneLineAndNamesNothing() throws Exception {
    try (RegistryFaults source = new RegistryFaults(Bed.registry())) {
      source.spoil(RegistryFaults.Fault.CORRUPT_LARGE_BODY, (method, path) -> path.contains("/blobs/"));
      Path layout = dir.resolve("layout");
      Result result = mimg("--store", "registry:" + source.address(), "cp", source.address() + "/mimg/rmme:1",
          "--to", "oci:" + layout, "--all-platforms");
      assertThat(result.code()).as(result.err()).isEqualTo(1);
      assertThat(result.errors()).hasSize(1).first().asString().contains("digest");
      assertThat(source.faults()).isPositive();
      assertThat(!Files.exists(layout.resolve("index.json"))
          || !Files.readString(layout.resolve("index.json")).contains("rmme")).as("no name in the layout").isTrue();
    }
  }
}
