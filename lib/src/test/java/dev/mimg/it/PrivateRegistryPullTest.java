package dev.mimg.it;

import dev.mimg.bed.BedTest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mimg.bed.Bed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pulls from the bed's second registry, which wants basic auth: mimg runs as its own process with a docker config
 * of the test's, so credentials come from a credential-helper script or an auths entry, as for a user.
 */
@BedTest
class PrivateRegistryPullTest {

  @TempDir
  Path dir;

  private final String image = System.getenv("MIMG_BED_PRIVATE_REGISTRY") + "/private/rmme:1";
  private final String password = System.getenv("MIMG_BED_PRIVATE_PASSWORD");

  record Run(int code, String out, String err) {
  }

  @AfterEach
  void cleanUp() {
    try {
      Bed.docker("image", "rm", "-f", image);
    } catch (AssertionError notPulled) {
      // the test expected the pull to fail
    }
  }

  @Test
  void credentialsFromACredentialHelperAreSentAndNeverPrinted() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path helper = bin.resolve("docker-credential-mimgtest");
    Files.writeString(helper, "#!/bin/sh\nread server\nprintf '{\"ServerURL\":\"%s\",\"Username\":\"mimg\",\"Secret\":\"%s\"}' "
        + "\"$server\" '" + password + "'\n");
    Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwxr-xr-x"));
    config("{\"credHelpers\":{\"" + System.getenv("MIMG_BED_PRIVATE_REGISTRY") + "\":\"mimgtest\"}}");
    Run run = mimg(bin + ":" + System.getenv("PATH"), "pull", image, "--platform", "linux/amd64");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("linux/amd64: pulled");
    assertThat(run.out() + run.err()).doesNotContain(password);
    assertThat(EngineState.available(EngineState.summary(image))).containsExactly("linux/amd64");
  }

  @Test
  void credentialsFromAnAuthsEntry() throws Exception {
    String auth = Base64.getEncoder().encodeToString(("mimg:" + password).getBytes(StandardCharsets.UTF_8));
    config("{\"auths\":{\"" + System.getenv("MIMG_BED_PRIVATE_REGISTRY") + "\":{\"auth\":\"" + auth + "\"}}}");
    Run run = mimg(System.getenv("PATH"), "pull", "-q", image, "--platform", "linux/s390x");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(EngineState.available(EngineState.summary(image))).containsExactly("linux/s390x");
  }

  @Test
  void withoutCredentialsThePullFailsInOneLine() throws Exception {
    config("{}");
    Run run = mimg(System.getenv("PATH"), "pull", "-q", image, "--platform", "linux/amd64");
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err().strip().split("\n")).singleElement().asString()
        .startsWith("mimg: cannot pull " + image + " for linux/amd64:");
  }

  private void config(String json) throws IOException {
    Files.createDirectories(dir.resolve("config"));
    Files.writeString(dir.resolve("config").resolve("config.json"), json);
  }

  private Run mimg(String path, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "dev.mimg.cli.Main", "-H", System.getenv("MIMG_BED_SNAP_HOST")));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("PATH", path);
    builder.environment().put("DOCKER_CONFIG", dir.resolve("config").toString());
    builder.redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
    Process process = builder.start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), Files.readString(dir.resolve("out")), Files.readString(dir.resolve("err")));
  }
}
