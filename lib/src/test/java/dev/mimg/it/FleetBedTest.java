package dev.mimg.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimg.bed.Bed;
import dev.mimg.bed.BedTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet of the bed's three engines named by docker contexts the docker CLI made (snap and graph on unix sockets,
 * far over ssh through the bed's real sshd and {@code docker system dial-stdio}): what mimg lists per store equals
 * what each engine's docker CLI lists, the fleet's prune plan is each engine's own plan, and a stopped, a hanging
 * and a refusing member each give one notice while the others answer, with exit code 3. mimg runs as its own
 * process here, with DOCKER_CONFIG and MIMG_SSH_COMMAND in its environment as a user's shell would have them.
 */
@BedTest
class FleetBedTest {

  private static final String FORMAT = "{{.Store}}|{{.ID}}|{{.Repository}}:{{.Tag}}";

  record Result(int code, String out, String err) {
    List<String> notices() {
      return err.lines().filter(line -> line.startsWith("mimg: notice: store ")).toList();
    }
  }

  static Result mimg(String config, String... args) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "dev.mimg.cli.Main"));
    command.addAll(List.of(args));
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(
          new java.io.File("/dev/null")));
      builder.environment().putAll(Map.of("DOCKER_CONFIG", config, "MIMG_SSH_COMMAND",
          System.getenv("MIMG_BED_SSH_COMMAND")));
      builder.environment().remove("DOCKER_HOST");
      Path err = Files.createTempFile("mimg-fleet", ".err");
      Process process = builder.redirectError(err.toFile()).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
      String errText = Files.readString(err);
      Files.delete(err);
      return new Result(process.exitValue(), out, errText);
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(command + " could not run", e);
    }
  }

  static Result fleet(String... args) {
    List<String> all = new ArrayList<>(List.of("--context", "snap", "--context", "graph", "--context", "far"));
    all.addAll(List.of(args));
    return mimg(System.getenv("MIMG_BED_FLEET_CONFIG"), all.toArray(String[]::new));
  }

  /** The IDs and tagged names one store lists, from {@code {{.Store}}|{{.ID}}|repo:tag} lines. */
  private static Set<String> rows(String out, String store) {
    return out.lines().filter(line -> line.startsWith(store + "|")).map(line -> line.substring(store.length() + 1))
        .filter(line -> !line.endsWith("<none>")).collect(Collectors.toCollection(TreeSet::new));
  }

  /** What the docker CLI lists on an engine, in the same form. */
  private static Set<String> dockerRows(String host) {
    return Bed.dockerOn(host, "image", "ls", "--format", "{{.ID}}|{{.Repository}}:{{.Tag}}").lines()
        .filter(line -> !line.endsWith("<none>")).collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void threeEnginesOneOverSshListAsEachEngineDoes() {
    Result result = fleet("ls", "--format", FORMAT);
    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.notices()).isEmpty();
    assertThat(rows(result.out(), "snap")).isNotEmpty().isEqualTo(dockerRows(System.getenv("MIMG_BED_SNAP_HOST")));
    assertThat(rows(result.out(), "graph")).isNotEmpty().isEqualTo(dockerRows(System.getenv("MIMG_BED_GRAPH_HOST")));
    assertThat(rows(result.out(), "far")).isNotEmpty().isEqualTo(dockerRows(System.getenv("MIMG_BED_FAR_HOST")));
    Result tree = fleet("ls", "--tree");
    assertThat(tree.out().lines().findFirst().orElseThrow()).startsWith("STORE ");
    assertThat(tree.out()).contains("\\_ linux/s390x");
  }

  @Test
  void aFleetPruneDryRunIsEachEnginesOwnPlanGroupedByStore() {
    Result plan = fleet("prune", "--platforms", "--dry-run");
    assertThat(plan.code()).as(plan.err()).isZero();
    assertThat(plan.out()).startsWith("STORE ").endsWith("dry run: nothing changed\n");
    for (String[] store : new String[][] {{"snap", System.getenv("MIMG_BED_SNAP_HOST")},
        {"graph", System.getenv("MIMG_BED_GRAPH_HOST")}, {"far", System.getenv("MIMG_BED_FAR_SSH_HOST")}}) {
      Result own = mimg(System.getenv("MIMG_BED_FLEET_CONFIG"), "-H", store[1], "prune", "--platforms", "--dry-run");
      List<String> expected = steps(own.out(), "");
      assertThat(steps(plan.out(), store[0])).as(store[0]).isEqualTo(expected);
    }
    assertThat(steps(plan.out(), "far")).anyMatch(step -> step.startsWith("remove 127.0.0.1:")
        && step.contains("/mimg/alpine:3.16 linux/s390x"));
    Result dry = fleet("prune", "--platforms", "--dry-run");
    assertThat(dry.out()).isEqualTo(plan.out());   // nothing changed: the same plan again
  }

  @Test
  void aFleetPruneForRealRemovesThePlannedPlatformOnEachEngineAndNothingElse(@TempDir Path work) throws Exception {
    String repository = Bed.registry() + "/fleet-prune/" + Long.toHexString(System.nanoTime());
    String ref = repository + ":1";
    dev.mimg.bed.CraneImages.index(ref, List.of("linux/amd64", "linux/s390x", "linux/arm64"), work);
    List<String> hosts = List.of(System.getenv("MIMG_BED_SNAP_HOST"), System.getenv("MIMG_BED_FAR_HOST"));
    try {
      for (String host : hosts) {
        Bed.dockerOn(host, "pull", "-q", "--platform", "linux/amd64", ref);
        Bed.dockerOn(host, "pull", "-q", "--platform", "linux/s390x", ref);
      }
      Set<String> snapBefore = dockerRows(hosts.get(0));
      Set<String> farBefore = dockerRows(hosts.get(1));
      Result pruned = mimg(System.getenv("MIMG_BED_FLEET_CONFIG"), "--context", "snap", "--context", "far", "prune",
          "--platforms", "--keep", "linux/amd64", "--filter", "reference=" + repository, "-f");
      assertThat(pruned.code()).as(pruned.err()).isZero();
      List<String> planned = pruned.out().lines().filter(line -> line.matches("(snap|far) +remove .*")).toList();
      assertThat(planned).as(pruned.out()).hasSize(2).allMatch(line -> line.contains(ref) && line.contains("linux/s390x"));
      assertThat(pruned.out()).contains("removed snap: " + ref + " linux/s390x", "removed far: " + ref + " linux/s390x");
      for (String host : hosts) {
        assertThat(available(host, ref)).as(host).containsExactly("amd64");
      }
      assertThat(dockerRows(hosts.get(0))).isEqualTo(snapBefore);
      assertThat(dockerRows(hosts.get(1))).isEqualTo(farBefore);
    } finally {
      for (String host : hosts) {
        try {
          Bed.dockerOn(host, "image", "rm", "-f", ref);
        } catch (AssertionError gone) {
          // not pulled there
        }
      }
    }
  }

  /** The architectures the engine at {@code host} says are available in the image tagged {@code ref}. */
  private static List<String> available(String host, String ref) throws IOException {
    String socket = host.substring("unix://".length());
    com.fasterxml.jackson.databind.JsonNode images = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
        Bed.run(List.of("curl", "-fsS", "--unix-socket", socket, "http://docker/v1.51/images/json?manifests=1"),
            Map.of()));
    List<String> available = new ArrayList<>();
    for (com.fasterxml.jackson.databind.JsonNode image : images) {
      boolean named = false;
      for (com.fasterxml.jackson.databind.JsonNode tag : image.path("RepoTags")) {
        named |= tag.asText().equals(ref);
      }
      if (named) {
        image.path("Manifests").forEach(m -> {
          if (m.path("Available").asBoolean() && m.path("Kind").asText().equals("image")) {
            available.add(m.path("ImageData").path("Platform").path("architecture").asText());
          }
        });
      }
    }
    return available;
  }

  /** The plan's rows of one store (or of a single-store plan), the STORE column and spacing dropped. */
  private static List<String> steps(String plan, String store) {
    return plan.lines().filter(line -> line.startsWith("remove ") || line.startsWith("keep ")
        || line.startsWith(store + " ") && !store.isEmpty())
        .map(line -> store.isEmpty() ? line : line.substring(store.length()).strip())
        .map(line -> line.replaceAll("\\s+", " ").strip())
        .filter(line -> line.startsWith("remove ") || line.startsWith("keep ")).toList();
  }

  @Test
  void aStoppedEngineIsOneNoticeTheOthersAnswerAndTheExitCodeSaysSo() throws Exception {
    Path run = Path.of(System.getenv("MIMG_BED_SNAP_HOST").substring("unix://".length())).getParent().getParent();
    long pid = Long.parseLong(Files.readString(run.resolve("graph/docker.pid")).strip());
    List<String> commandLine = new ArrayList<>(List.of(new String(Files.readAllBytes(Path.of("/proc/" + pid
        + "/cmdline")), StandardCharsets.UTF_8).split("\0")));
    commandLine.set(0, Files.readSymbolicLink(Path.of("/proc/" + pid + "/exe")).toString());
    ProcessHandle.of(pid).orElseThrow().destroy();
    assertThat(ProcessHandle.of(pid).orElseThrow().onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
    try {
      Result ls = fleet("ls", "--format", FORMAT);
      assertThat(ls.code()).as(ls.err()).isEqualTo(3);
      assertThat(ls.notices()).singleElement().asString().startsWith("mimg: notice: store graph (engine unix://")
          .contains("cannot reach the Docker engine");
      assertThat(rows(ls.out(), "snap")).isNotEmpty();
      assertThat(rows(ls.out(), "far")).isNotEmpty();
      assertThat(rows(ls.out(), "graph")).isEmpty();
      Result plan = fleet("prune", "--platforms", "--dry-run");
      assertThat(plan.code()).as(plan.err()).isEqualTo(3);
      assertThat(plan.out()).contains("far ", "snap ").doesNotContain("graph ");
      assertThat(plan.notices()).singleElement().asString().startsWith("mimg: notice: store graph (")
          .endsWith("; nothing planned there");
    } finally {
      restart(commandLine, run.resolve("graph/log"), System.getenv("MIMG_BED_GRAPH_HOST"));
    }
  }

  private static void restart(List<String> commandLine, Path log, String host) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(commandLine).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Path sbin = Path.of(commandLine.get(0)).getParent();   // dockerd starts its containerd from PATH
    builder.environment().put("PATH", sbin + ":" + sbin.resolveSibling("bin") + ":" + System.getenv("PATH"));
    builder.start();
    for (int i = 0; i < 200; i++) {
      try {
        Bed.dockerOn(host, "version");
        return;
      } catch (AssertionError notYet) {
        Thread.sleep(100);
      }
    }
    throw new AssertionError("the graph engine did not come back: " + commandLine);
  }

  @Test
  void aHangingEngineTimesOutWhileTheOthersAnswer() throws Exception {
    Path run = Path.of(System.getenv("MIMG_BED_SNAP_HOST").substring("unix://".length())).getParent().getParent();
    String pid = Files.readString(run.resolve("far/docker.pid")).strip();
    Bed.run(List.of("kill", "-STOP", pid), Map.of());   // accepts on its socket, never answers
    try {
      long start = System.nanoTime();
      Result ls = fleet("--store-timeout", "3s", "ls", "--format", FORMAT);
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertThat(ls.code()).as(ls.err()).isEqualTo(3);
      assertThat(ls.notices()).singleElement().asString().startsWith("mimg: notice: store far (engine ssh://")
          .contains("no answer within 3 s");
      assertThat(rows(ls.out(), "snap")).isNotEmpty();
      assertThat(rows(ls.out(), "graph")).isNotEmpty();
      assertThat(millis).isLessThan(20_000);
    } finally {
      Bed.run(List.of("kill", "-CONT", pid), Map.of());
    }
  }

  @Test
  void sshFaultsAreOneLineEachAndTheRestOfTheFleetAnswers(@TempDir Path config) throws Exception {
    Files.writeString(config.resolve("config.json"), "{}");
    Map<String, String> contexts = Map.of("snap", System.getenv("MIMG_BED_SNAP_HOST"),
        "refused", "ssh://root@127.0.0.1:1", "nokey", System.getenv("MIMG_BED_NOKEY_SSH_HOST"),
        "nodocker", System.getenv("MIMG_BED_NODOCKER_SSH_HOST"));
    for (Map.Entry<String, String> context : contexts.entrySet()) {
      Bed.run(List.of(System.getenv("MIMG_BED_DOCKER"), "context", "create", context.getKey(), "--docker",
          "host=" + context.getValue()), Map.of("DOCKER_CONFIG", config.toString()));
    }
    Result ls = mimg(config.toString(), "--all-contexts", "ls", "--format", FORMAT);
    assertThat(ls.code()).as(ls.err()).isEqualTo(3);
    assertThat(rows(ls.out(), "snap")).isNotEmpty();
    assertThat(ls.notices()).hasSize(3);
    assertThat(ls.notices()).anyMatch(n -> n.startsWith("mimg: notice: store nodocker (") && n.contains(
        "no docker command on 127.0.0.1"));
    assertThat(ls.notices()).anyMatch(n -> n.startsWith("mimg: notice: store nokey (") && n.contains(
        "did not accept a key for root (Permission denied (publickey,password).)"));
    assertThat(ls.notices()).anyMatch(n -> n.startsWith("mimg: notice: store refused (") && n.contains(
        "127.0.0.1 port 1 refused the connection"));
    Result alone = mimg(config.toString(), "--context", "nokey", "ls");
    assertThat(alone.code()).isEqualTo(1);
    assertThat(alone.err().lines()).singleElement().asString().contains("never asks for a password");
  }
}
