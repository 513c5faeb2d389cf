package dev.mimg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training run's registry serves an image that {@code mimg pull} takes whole, so the training covers a pull. */
class CannedRegistryTest {

  @TempDir
  Path dir;

  @Test
  void aPullOfEveryPlatformSucceeds() throws Exception {
    try (CannedRegistry registry = new CannedRegistry()) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "--store", "oci:" + dir, "pull",
          "-q", registry.host() + "/" + CannedRegistry.IMAGE, "--all-platforms");
      assertThat(err.toString()).isEmpty();
      assertThat(code).isZero();
      assertThat(out.toString()).contains("linux/amd64: pulled").contains("linux/arm64: pulled");
    }
  }
}
