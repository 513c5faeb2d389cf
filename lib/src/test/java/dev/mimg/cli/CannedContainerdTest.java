package dev.mimg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training run's containerd answers a whole listing, so the training covers a containerd store's classes. */
class CannedContainerdTest {

  @TempDir
  Path dir;

  @Test
  void aTreeListingShowsItsImageWithOnePlatformPresent() throws Exception {
    Path socket = dir.resolve("c.sock");
    try (CannedContainerd containerd = new CannedContainerd(socket)) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "--store",
          "containerd:" + socket + "?namespace=k8s.io", "ls", "--tree", "--all");
      assertThat(code).as(err.toString()).isZero();
      assertThat(out.toString()).contains("example.com/training/ctrd").contains("linux/amd64")
          .contains("linux/arm64/v8");
    }
  }
}
