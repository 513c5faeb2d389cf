package dev.mimg.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimg.bed.Bed;
import dev.mimg.bed.BedTest;
import dev.mimg.model.Image;
import dev.mimg.model.Platform;
import dev.mimg.query.Mimg;
import dev.mimg.shell.ShellMain;
import dev.mimg.store.ImageStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One real round of {@code mimg agent} against the bed's containerd, namespace k8s.io, on an image of the test's own
 * (CRI-style names, two platforms): the dry run changes nothing ({@code ctr} before and after), {@code --apply}
 * removes exactly the variants the plan named.
 */
@BedTest
class NodeAgentTest {

  /** A node policy: every platform but linux/amd64 goes from the test's image; names stay. */
  static final String POLICY = "enforce images().where { names().any { it.written().contains('/mimg/agent-test') } }"
      + ".notPlatform('linux/amd64')\n";

  static final String REF = Bed.ref("mimg/agent-test:1");

  @TempDir
  Path dir;

  private List<String> names;

  @BeforeEach
  void pullTheTestImage() {
    names = pullTestImage();
  }

  @AfterEach
  void removeIt() {
    removeTestImage(names);
  }

  /** Pulls the test's image into k8s.io with the CRI's names (amd64 and arm64/v8 of a 4-platform index). */
  static List<String> pullTestImage() {
    Bed.crane("copy", Bed.ref("mimg/rmme:1"), REF);
    return ContainerdK8sTest.criPull(REF, "linux/amd64", "linux/arm64/v8");
  }

  /** Removes the test image's names from k8s.io (those still there). */
  static void removeTestImage(List<String> names) {
    for (String name : names) {
      try {
        ContainerdK8sTest.ctr("images", "rm", name);
      } catch (AssertionError gone) {
        // not there
      }
    }
  }

  /** Every (image id, platform) present in k8s.io, as mimg lists it. */
  static Set<String> presentVariants() {
    try (ImageStore store = ContainerdK8sTest.store()) {
      Set<String> present = new TreeSet<>();
      for (Image image : Mimg.images(store).list()) {
        image.present().forEach(v -> present.add(image.id().toString() + " " + v.platform()));
      }
      return present;
    }
  }

  private String agent(boolean apply) throws IOException {
    Path policy = Files.writeString(dir.resolve("policy.groovy"), POLICY);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] args = apply
        ? new String[] {"--store", "containerd:" + ContainerdK8sTest.SOCKET, "agent", policy.toString(), "--once",
            "--apply"}
        : new String[] {"--store", "containerd:" + ContainerdK8sTest.SOCKET, "agent", policy.toString(), "--once"};
    int code = ShellMain.run(new PrintWriter(out), new PrintWriter(err), args);
    assertThat(code).as(out + "\n" + err).isZero();
    return out.toString();
  }

  @Test
  void aDryRunRoundChangesNothingAndApplyRemovesExactlyThePlannedVariants() throws IOException {
    String images = ContainerdK8sTest.ctr("images", "ls");
    String content = ContainerdK8sTest.ctr("content", "ls", "-q");
    Set<String> before = presentVariants();
    Image image;
    try (ImageStore store = ContainerdK8sTest.store()) {
      image = Mimg.images(store).reference(REF).first().orElseThrow();
    }
    String arm = image.present().stream().filter(v -> v.platform().equals(Platform.parse("linux/arm64/v8")))
        .findFirst().orElseThrow().digest().toString();

    String plan = agent(false);
    assertThat(plan).containsPattern("Z mimg agent: round 1 \\(dry run: nothing changes")
        .contains("remove    " + REF + "   linux/arm64/v8", "dry run: would remove 1, skip 0")
        .containsPattern("Z mimg agent: round 1 done\n$");
    assertThat(ContainerdK8sTest.ctr("images", "ls")).isEqualTo(images);
    assertThat(ContainerdK8sTest.ctr("content", "ls", "-q")).isEqualTo(content);

    String report = agent(true);
    assertThat(report).contains("remove    " + REF + "   linux/arm64/v8").contains("removed 1");
    Set<String> gone = new TreeSet<>(before);
    gone.removeAll(presentVariants());
    assertThat(gone).containsExactly(image.id() + " linux/arm64/v8");
    assertThat(ContainerdK8sTest.ctr("images", "ls", "-q").lines()).containsAll(names);
    assertThat(ContainerdK8sTest.ctr("content", "ls", "-q")).doesNotContain(arm);
    assertThat(ContainerdK8sTest.ctr("leases", "ls", "-q")).isBlank();
  }
}
