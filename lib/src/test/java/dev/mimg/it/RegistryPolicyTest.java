package dev.mimg.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mimg.bed.Bed;
import dev.mimg.bed.RegistryFaults;
import dev.mimg.bed.BedTest;
import dev.mimg.bed.CraneImages;
import dev.mimg.model.HumanSize;
import dev.mimg.shell.ShellMain;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The issue's policy on a registry of its own (the distribution registry, deletes enabled): keep the last 3 tags of
 * each repository and drop linux/s390x from the rest, first with --dry-run, then for real; crane then shows exactly
 * the planned tags and indexes, every remaining index complete, and the registry's own garbage collection frees
 * the bytes and blobs the plan announced.
 */
@BedTest
class RegistryPolicyTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> REPOS = List.of("app", "tool");
  private static final List<String> TAGS = List.of("t1", "t2", "t3", "t4", "t5");
  private static final List<String> PLATFORMS = List.of("linux/amd64", "linux/arm64", "linux/s390x");
  private static final Pattern NEW_INDEX = Pattern.compile("(\\S+:t\\d) will name a new index (sha256:[0-9a-f]{64})");
  private static final Pattern FREES = Pattern.compile("garbage collection then frees (\\S+) \\((\\d+) blobs");

  @TempDir
  Path dir;

  private Process registry;
  private String host;

  @BeforeEach
  void startRegistry() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    host = "127.0.0.1:" + port;
    Files.writeString(dir.resolve("config.yml"), """
        version: 0.1
        log: {level: info}
        storage:
          filesystem: {rootdirectory: %s}
          delete: {enabled: true}
        http: {addr: %s}
        """.formatted(dir.resolve("data"), host));
    registry = new ProcessBuilder(registryBinary(), "serve", dir.resolve("config.yml").toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start();
    HttpClient http = HttpClient.newHttpClient();
    for (int i = 0; ; i++) {
      try {
        if (http.send(HttpRequest.newBuilder(URI.create("http://" + host + "/v2/")).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          break;
        }
      } catch (IOException notYet) {
        if (i > 100) {
          throw notYet;
        }
      }
      Thread.sleep(100);
    }
  }

  @AfterEach
  void stopRegistry() throws InterruptedException {
    if (registry != null) {
      registry.destroy();
      registry.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static String registryBinary() {
    return Path.of(System.getenv("MIMG_BED_CRANE")).resolveSibling("docker-registry").toString();
  }

  /** Each repository's five 3-platform indexes, built by crane on the bed's registry, then copied here. */
  private Map<String, String> fixtures(List<String> repos, List<String> tags) throws IOException {
    Map<String, String> digests = new LinkedHashMap<>();
    for (String repo : repos) {
      for (String tag : tags) {
        String parts = Bed.registry() + "/registry-policy/" + repo;
        CraneImages.index(parts + ":" + tag, PLATFORMS, dir);
        String ref = host + "/" + repo + ":" + tag;
        Bed.crane("copy", parts + ":" + tag, ref);
        digests.put(ref, Bed.crane("digest", ref).strip());
      }
    }
    return digests;
  }

  private record Run(int code, String out, String err) {
  }

  private Run policy(boolean dryRun) throws IOException {
    Path script = dir.resolve("retention.groovy");
    Files.writeString(script, "enforce images().beyondLast(3).platform('linux/s390x')\n");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> args = new ArrayList<>(List.of("run", "--store", "registry:" + host, script.toString()));
    if (dryRun) {
      args.add("--dry-run");
    }
    int code = ShellMain.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void keepTheLastThreeTagsAndDropS390xFromTheRest() throws Exception {
    Map<String, String> before = fixtures(REPOS, TAGS);

    Run dry = policy(true);
    assertThat(dry.code()).as(dry.err() + dry.out()).isZero();
    assertThat(current()).as("a dry run changes nothing").isEqualTo(before);
    Map<String, String> planned = new LinkedHashMap<>();
    Matcher matcher = NEW_INDEX.matcher(dry.out() + dry.err());
    while (matcher.find()) {
      planned.put(matcher.group(1), matcher.group(2));
    }
    assertThat(planned.keySet()).containsExactlyInAnyOrder(host + "/app:t1", host + "/app:t2", host + "/tool:t1",
        host + "/tool:t2");
    Matcher frees = FREES.matcher(dry.out() + dry.err());
    assertThat(frees.find()).as(dry.out() + dry.err()).isTrue();
    String announcedBytes = frees.group(1);
    int announcedBlobs = Integer.parseInt(frees.group(2));

    Run real = policy(false);
    assertThat(real.code()).as(real.err() + real.out()).isZero();
    Map<String, String> after = current();
    for (String ref : before.keySet()) {
      String expected = planned.getOrDefault(ref, before.get(ref));
      assertThat(after.get(ref)).as(ref).isEqualTo(expected);
      Set<String> platforms = new TreeSet<>();
      for (JsonNode child : JSON.readTree(Bed.crane("manifest", ref)).path("manifests")) {
        platforms.add(child.path("platform").path("os").asText() + "/" + child.path("platform").path("architecture")
            .asText());
        Bed.crane("manifest", ref.substring(0, ref.lastIndexOf(':')) + "@" + child.path("digest").asText());
      }
      assertThat(platforms).as(ref).isEqualTo(new TreeSet<>(planned.containsKey(ref)
          ? List.of("linux/amd64", "linux/arm64") : PLATFORMS));
      Bed.crane("validate", "--remote", ref); // every child, config and layer is there, digests and sizes right
    }
    for (String ref : planned.keySet()) {
      String repo = ref.substring(0, ref.lastIndexOf(':'));
      assertThat(exists(repo + "@" + before.get(ref))).as("the old index of " + ref + " is deleted").isFalse();
    }

    long blobsBefore = blobBytes();
    registry.destroy();
    registry.waitFor(10, TimeUnit.SECONDS);
    String gc = Bed.run(List.of(registryBinary(), "garbage-collect", dir.resolve("config.yml").toString()), Map.of());
    long eligible = gc.lines().filter(line -> line.contains("blob eligible for deletion")).count();
    long freed = blobsBefore - blobBytes();
    assertThat(eligible).as(gc).isEqualTo(announcedBlobs);
    assertThat(HumanSize.format(freed)).isEqualTo(announcedBytes);
  }

  private Run cli(String... args) {
    return cliOn(host, args);
  }

  private static Run cliOn(String registry, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of("--store", "registry:" + registry));
    all.addAll(List.of(args));
    int code = dev.mimg.cli.Main.run(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void rmRefusesToUntagWhatTheRegistryCanOnlyDeleteWithTheOtherTagsThenRewritesAndDeletes() throws Exception {
    String t1 = fixtures(List.of("app"), List.of("t1")).keySet().iterator().next();
    String latest = host + "/app:latest";
    Bed.crane("tag", t1, "latest");
    String old = Bed.crane("digest", t1).strip();

    Run untag = cli("prune", "-a", "-f", "--filter", "reference=" + t1);
    assertThat(untag.out() + untag.err()).contains("deletes tags only with their manifest (by digest), which "
        + "untags every tag on it; refused; it would also untag " + latest);
    assertThat(Bed.crane("digest", latest).strip()).isEqualTo(old);
    assertThat(Bed.crane("digest", t1).strip()).isEqualTo(old);

    String arm64 = child(t1, "arm64");
    Run platform = cli("rm", "--force", t1, "--platform", "linux/arm64"); // latest holds it too
    assertThat(platform.code()).as(platform.err()).isZero();
    String rewritten = Bed.crane("digest", t1).strip();
    assertThat(rewritten).isNotEqualTo(old).isEqualTo(Bed.crane("digest", latest).strip());
    assertThat(platform.err()).contains("will name a new index " + rewritten + " without linux/arm64");
    assertThat(exists(host + "/app@" + old)).as("old index deleted").isFalse();
    assertThat(exists(host + "/app@" + arm64)).as("its arm64 child deleted").isFalse();
    Bed.crane("validate", "--remote", t1);

    String amd64 = child(t1, "amd64");
    Run whole = cli("prune", "-a", "-f", "--filter", "reference=" + host + "/app:*");
    assertThat(whole.code()).as(whole.err()).isZero();
    assertThat(exists(t1)).isFalse();
    assertThat(exists(latest)).isFalse();
    assertThat(exists(host + "/app@" + amd64)).as("children no index names go too").isFalse();
  }

  @Test
  void referrersAreShownWithTheirSubjectAndGoWithIt() throws Exception {
    String t1 = fixtures(List.of("signed"), List.of("t1")).keySet().iterator().next();
    String repo = host + "/signed";
    String s390x = child(t1, "s390x");
    Path signature = Files.writeString(dir.resolve("signature.txt"), "signed by the bed\n");
    String oras = Path.of(System.getenv("MIMG_BED_CRANE")).resolveSibling("oras").toString();
    for (String subject : List.of(t1, repo + "@" + s390x)) {
      Bed.run(List.of(oras, "attach", "--plain-http", "--disable-path-validation", "--artifact-type",
          "application/vnd.mimg.test.signature", subject, signature.toString()), Map.of());
    }
    String indexTag = "sha256-" + Bed.crane("digest", t1).strip().substring(7);
    String childTag = "sha256-" + s390x.substring(7);
    assertThat(Bed.crane("ls", repo).lines()).contains("t1", indexTag, childTag);
    String childReferrer = JSON.readTree(Bed.crane("manifest", repo + ":" + childTag)).path("manifests").path(0)
        .path("digest").asText();

    Run tree = cli("ls", "--tree", "--all");
    assertThat(tree.code()).as(tree.err()).isZero();
    assertThat(tree.out()).doesNotContain("sha256-").contains(childReferrer.substring(7, 19));
    assertThat(tree.out().lines().filter(line -> line.contains(repo))).as(tree.out()).hasSize(1); // no referrers tags

    Run platform = cli("rm", t1, "--platform", "linux/s390x");
    assertThat(platform.code()).as(platform.err()).isZero();
    assertThat(platform.err()).contains("2 attestations or referrers (signatures, SBOMs) of what goes are deleted "
        + "with their subjects");
    assertThat(Bed.crane("ls", repo).lines()).containsExactly("t1");
    assertThat(exists(repo + "@" + childReferrer)).as("the child's signature went with it").isFalse();
    Bed.crane("validate", "--remote", t1);
  }

  @Test
  void aRegistryThatFailsMidwayLeavesEveryIndexComplete() throws Exception {
    String t1 = fixtures(List.of("faulty"), List.of("t1")).keySet().iterator().next();
    String old = Bed.crane("digest", t1).strip();
    String s390x = child(t1, "s390x");
    try (RegistryFaults proxy = new RegistryFaults(host)) {
      String name = proxy.address() + "/faulty:t1";
      proxy.answer(500, Map.of(), (method, path) -> method.equals("PUT"));
      Run put = cliOn(proxy.address(), "rm", name, "--platform", "linux/s390x");
      assertThat(put.code()).as(put.out() + put.err()).isNotZero();
      assertThat(put.out() + put.err()).contains("answered 500 4 times; giving up").contains("not attempted");
      assertThat(proxy.faults()).isPositive();
      assertThat(Bed.crane("digest", t1).strip()).as("the index could not be rewritten: nothing changed").isEqualTo(old);
      assertThat(exists(host + "/faulty@" + s390x)).as("no child deleted before its index was rewritten").isTrue();
      Bed.crane("validate", "--remote", t1);

      proxy.answer(500, Map.of(), (method, path) -> method.equals("DELETE") && path.contains("/manifests/" + s390x));
      Run delete = cliOn(proxy.address(), "rm", name, "--platform", "linux/s390x");
      assertThat(delete.code()).as(delete.out() + delete.err()).isNotZero();
      assertThat(Bed.crane("digest", t1).strip()).as("rewritten first").isNotEqualTo(old);
      Bed.crane("validate", "--remote", t1); // the new index is complete; the child it dropped is merely left over
    }
  }

  private static String child(String index, String architecture) throws IOException {
    for (JsonNode child : JSON.readTree(Bed.crane("manifest", index)).path("manifests")) {
      if (child.path("platform").path("architecture").asText().equals(architecture)) {
        return child.path("digest").asText();
      }
    }
    throw new AssertionError("no " + architecture + " in " + index);
  }

  private Map<String, String> current() {
    Map<String, String> digests = new LinkedHashMap<>();
    for (String repo : REPOS) {
      for (String tag : TAGS) {
        String ref = host + "/" + repo + ":" + tag;
        digests.put(ref, Bed.crane("digest", ref).strip());
      }
    }
    return digests;
  }

  private static boolean exists(String ref) {
    try {
      Bed.crane("manifest", ref);
      return true;
    } catch (AssertionError notThere) {
      return false;
    }
  }

  /** The bytes of every blob file the registry stores. */
  private long blobBytes() throws IOException {
    Path blobs = dir.resolve("data/docker/registry/v2/blobs");
    try (Stream<Path> files = Files.walk(blobs)) {
      return files.filter(file -> file.getFileName().toString().equals("data")).mapToLong(file -> {
        try {
          return Files.size(file);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).sum();
    }
  }
}
