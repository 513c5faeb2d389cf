package dev.mimg.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimg.bed.Bed;
import dev.mimg.bed.BedTest;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node-agent image, built by deploy/image/build (layers cached under ~/.cache/mimg-bed/agent-image) and pushed
 * to the bed's registry, run in the bed's snap engine ({@code docker run --network none}) with the bed's containerd
 * socket mounted: its policy rounds against the real k8s.io namespace, checked with ctr.
 */
@BedTest
class NodeAgentImageTest {

  private static final String SOCKET_IN_CONTAINER = "/run/containerd/containerd.sock";
  private static String image;

  @TempDir
  Path dir;

  private List<String> names;

  /** The outcome of a command: exit code and both streams. */
  record Outcome(int code, String out, String err) {
  }

  @BeforeAll
  static void buildTheImage() throws Exception {
    Path jar;
    try (var jars = Files.list(Path.of("target"))) {
      jar = jars.filter(p -> p.getFileName().toString().matches("mimg-[^-]+(-SNAPSHOT)?\\.jar")).findFirst()
          .orElseThrow(() -> new AssertionError("no lib jar in target/ (mvn verify packages it first)"));
    }
    String javaBin = Path.of(System.getProperty("java.home"), "bin").toString();
    Outcome build = exec(List.of("../deploy/image/build", Bed.ref("mimg/agent:bed")),
        "PATH", javaBin + File.pathSeparator + System.getenv("PATH"),
        "CRANE", System.getenv("MIMG_BED_CRANE"),
        "MIMG_IMAGE_JAR", jar.toAbsolutePath().toString(),
        "MIMG_IMAGE_CACHE", Path.of(System.getProperty("user.home"), ".cache/mimg-bed/agent-image").toString());
    assertThat(build.code()).as(build.err()).isZero();
    image = build.out().strip();
    assertThat(image).startsWith(Bed.ref("mimg/agent:bed") + "@sha256:");
  }

  /** The agent's image leaves the snap engine as it was: other bed tests count its images. */
  @AfterAll
  static void removeTheImageFromTheEngine() {
    if (image != null) {
      EngineState.removeNames(List.of(image));
    }
  }

  @BeforeEach
  void pullTheTestImage() {
    names = NodeAgentTest.pullTestImage();
  }

  @AfterEach
  void removeIt() {
    NodeAgentTest.removeTestImage(names);
  }

  static Outcome exec(List<String> command, String... env) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    for (int i = 0; i < env.length; i += 2) {
      builder.environment().put(env[i], env[i + 1]);
    }
    Path err = Files.createTempFile("mimg-agent-image", ".err");
    builder.redirectError(err.toFile());
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(300, TimeUnit.SECONDS)).as("%s timed out", command).isTrue();
    String errors = Files.readString(err);
    Files.delete(err);
    return new Outcome(process.exitValue(), out, errors);
  }

  /** docker run --rm --network none, the containerd socket mounted, [the policy mounted], the image, ARGS. */
  private Outcome run(boolean mountSocket, String... args) throws IOException, InterruptedException {
    Path policy = Files.writeString(dir.resolve("policy.groovy"), NodeAgentTest.POLICY);
    List<String> command = new ArrayList<>(List.of(System.getenv("MIMG_BED_DOCKER"), "-H",
        System.getenv("MIMG_BED_SNAP_HOST"), "run", "--rm", "--network", "none",
        "-v", policy + ":/policy.groovy:ro"));
    if (mountSocket) {
      command.addAll(List.of("-v", ContainerdK8sTest.SOCKET + ":" + SOCKET_IN_CONTAINER));
    }
    command.add(image);
    command.addAll(List.of(args));
    return exec(command, "DOCKER_CONFIG", dir.resolve("docker-config").toString());
  }

  @Test
  void theImageRunsThePolicyAgainstTheNodesContainerdDryByDefaultAndApplyRemovesThePlannedVariant()
      throws Exception {
    String images = ContainerdK8sTest.ctr("images", "ls");
    String content = ContainerdK8sTest.ctr("content", "ls", "-q");
    Set<String> before = NodeAgentTest.presentVariants();

    Outcome dry = run(true, "agent", "/policy.groovy", "--once");
    assertThat(dry.code()).as(dry.err()).isZero();
    assertThat(dry.out()).containsPattern("Z mimg agent: round 1 \\(dry run: nothing changes, --apply carries out "
        + "the plan, on containerd\\)\n").contains("remove    " + NodeAgentTest.REF + "   linux/arm64/v8",
        "dry run: would remove 1, skip 0").containsPattern("Z mimg agent: round 1 done\n$");
    assertThat(ContainerdK8sTest.ctr("images", "ls")).isEqualTo(images);
    assertThat(ContainerdK8sTest.ctr("content", "ls", "-q")).isEqualTo(content);

    Outcome applied = run(true, "agent", "/policy.groovy", "--once", "--apply");
    assertThat(applied.code()).as(applied.err()).isZero();
    assertThat(applied.out()).contains("(carrying out the plan, on containerd)", "removed 1");
    Set<String> gone = new TreeSet<>(before);
    gone.removeAll(NodeAgentTest.presentVariants());
    assertThat(gone).singleElement().asString().endsWith(" linux/arm64/v8");
    assertThat(ContainerdK8sTest.ctr("images", "ls", "-q").lines()).containsAll(names);
  }

  @Test
  void theBakedInPolicyPlansAgainstTheFixturesAndChangesNothing() throws Exception {
    String images = ContainerdK8sTest.ctr("images", "ls");
    Outcome once = run(true, "agent", "/etc/mimg/policy.groovy", "--once");
    assertThat(once.code()).as(once.err()).isZero();
    assertThat(once.out()).contains("keep      " + Bed.ref("mimg/busybox:1.36") + "   all",
        "a keep-set never empties an image");
    assertThat(ContainerdK8sTest.ctr("images", "ls")).isEqualTo(images);
  }

  @Test
  void theKubernetesManifestsRenderAndKeepTheirPromises() throws Exception {
    String bedBin = Path.of(System.getenv("MIMG_BED_CTR")).getParent().toString();
    Outcome check = exec(List.of("../deploy/kubernetes/check"), "PATH", bedBin + File.pathSeparator
        + System.getenv("PATH"));
    assertThat(check.code()).as(check.err()).isZero();
    assertThat(check.out()).contains("check: DaemonSet: ConfigMap, DaemonSet, Namespace ok",
        "check: CronJob: ConfigMap, CronJob, Namespace ok");
  }

  @Test
  void noSocketIsOneLineAndExitOne() throws Exception {
    Outcome failed = run(false, "agent", "/policy.groovy", "--once");
    assertThat(failed.code()).isEqualTo(1);
    assertThat(failed.err().lines()).singleElement().asString()
        .matches("\\S+Z mimg agent: round 1 failed: no containerd socket at " + SOCKET_IN_CONTAINER + ".*");
  }
}
