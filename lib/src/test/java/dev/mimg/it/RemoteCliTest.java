package dev.mimg.it;

import dev.mimg.bed.BedTest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mimg.bed.Bed;
import dev.mimg.model.HumanSize;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code mimg remote ls} and {@code mimg ls --remote} on the bed, against sizes the test computes itself with
 * crane: a variant's size is its manifest's bytes + its config + its layers.
 */
@BedTest
class RemoteCliTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> ALPINE_PRESENT = List.of("linux/amd64", "linux/arm64/v8", "linux/s390x");

  /** A child of an index as crane sees it. */
  record Child(String digest, String platform, long size) {
  }

  /** Each child of {@code ref}'s index, its size summed from {@code crane manifest} of the child. */
  static List<Child> craneChildren(String ref) throws Exception {
    String repository = ref.substring(0, ref.lastIndexOf(':'));
    List<Child> children = new ArrayList<>();
    for (JsonNode child : JSON.readTree(Bed.crane("manifest", ref)).path("manifests")) {
      String digest = child.path("digest").asText();
      JsonNode platform = child.path("platform");
      String name = platform.path("os").asText() + "/" + platform.path("architecture").asText()
          + (platform.path("variant").asText("").isEmpty() ? "" : "/" + platform.path("variant").asText());
      children.add(new Child(digest, name, craneSize(repository + "@" + digest)));
    }
    return children;
  }

  static long craneSize(String ref) throws Exception {
    String manifest = Bed.crane("manifest", ref);
    JsonNode json = JSON.readTree(manifest);
    long size = manifest.getBytes(StandardCharsets.UTF_8).length + json.path("config").path("size").asLong();
    for (JsonNode layer : json.path("layers")) {
      size += layer.path("size").asLong();
    }
    return size;
  }

  @Test
  void remoteLsListsEachChildWithCranesDigestPlatformAndSize() throws Exception {
    String ref = Bed.ref("mimg/alpine:3.16");
    List<Child> crane = craneChildren(ref);
    assertThat(crane).hasSize(7);
    EngineCliTest.Result json = EngineCliTest.snap("remote", "ls", ref, "--format", "json");
    assertThat(json.code()).as(json.err()).isZero();
    List<Child> mimg = new ArrayList<>();
    for (JsonNode row : JSON.readTree(json.out())) {
      mimg.add(new Child(row.path("Digest").asText(), row.path("Platform").asText(), row.path("Size").asLong()));
    }
    assertThat(mimg).isEqualTo(crane);
    EngineCliTest.Result table = EngineCliTest.snap("remote", "ls", ref);
    List<String> lines = table.out().lines().toList();
    assertThat(lines.get(0).split("\\s+")).containsExactly("DIGEST", "PLATFORM", "SIZE");
    for (int i = 0; i < crane.size(); i++) {
      Child child = crane.get(i);
      assertThat(lines.get(i + 1).split("\\s+")).containsExactly(child.digest().substring(7, 19), child.platform(),
          HumanSize.format(child.size()));
    }
  }

  @Test
  void remoteLsOfASingleManifestReadsThePlatformFromItsConfig() throws Exception {
    String ref = Bed.ref("mimg/single:1.0");
    EngineCliTest.Result result = EngineCliTest.snap("remote", "ls", ref, "--format", "json", "--no-trunc");
    assertThat(result.code()).as(result.err()).isZero();
    JsonNode rows = JSON.readTree(result.out());
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).path("Platform").asText()).isEqualTo("linux/amd64");
    assertThat(rows.get(0).path("Size").asLong()).isEqualTo(craneSize(ref));
    assertThat(rows.get(0).path("Digest").asText()).isEqualTo(Bed.crane("digest", ref).strip());
  }

  @Test
  void remoteLsSkipsAttestationsUnlessAll() {
    String ref = Bed.ref("mimg/attested:1");
    assertThat(EngineCliTest.snap("remote", "ls", ref).out().lines()).hasSize(3).noneMatch(l -> l.contains("attestation"));
    assertThat(EngineCliTest.snap("remote", "ls", ref, "--all").out().lines()).hasSize(5)
        .filteredOn(l -> l.contains("attestation for ")).hasSize(2);
  }

  @Test
  void lsRemoteShowsPresentOverTheTotalCraneGives() throws Exception {
    Map<String, Long> sizes = new LinkedHashMap<>();
    craneChildren(Bed.ref("mimg/alpine:3.16")).forEach(child -> sizes.put(child.platform(), child.size()));
    long present = ALPINE_PRESENT.stream().mapToLong(sizes::get).sum();
    long missing = sizes.entrySet().stream().filter(e -> !ALPINE_PRESENT.contains(e.getKey()))
        .mapToLong(Map.Entry::getValue).sum();
    assertThat(sizes).hasSize(7);
    assertThat(HumanSize.format(present)).isEqualTo("225kB");
    String expected = "225kB / " + HumanSize.format(present + missing);

    EngineCliTest.Result result = EngineCliTest.snap("ls", "--remote", "--format", "json");
    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.err()).doesNotContain("/mimg/alpine:3.16: total size unknown");
    JsonNode alpine = rows(result.out()).stream()
        .filter(row -> row.path("Repository").asText().equals(Bed.registry() + "/mimg/alpine")
            && row.path("Tag").asText().equals("3.16")).findFirst().orElseThrow();
    assertThat(alpine.path("Size").asText()).isEqualTo(expected);
    assertThat(alpine.path("TotalSize").asText()).isEqualTo(HumanSize.format(present + missing));

    EngineCliTest.Result tree = EngineCliTest.snap("ls", "--remote", "--tree", "--all");
    assertThat(tree.out()).contains(expected);
    sizes.forEach((platform, size) -> {
      if (!ALPINE_PRESENT.contains(platform)) {
        assertThat(tree.out()).containsPattern("\\\\_ " + platform + "\\s+-\\s+0B / " + HumanSize.format(size) + "\\s");
      }
    });

    EngineCliTest.Result json = EngineCliTest.snap("ls", "--remote", "--tree", "--format", "json");
    JsonNode image = null;
    for (JsonNode each : JSON.readTree(json.out())) {
      image = each.path("RepoTags").toString().contains("/mimg/alpine:3.16\"") ? each : image;
    }
    assertThat(image).isNotNull();
    assertThat(image.path("TotalSize").asLong()).isEqualTo(present + missing);
  }

  @Test
  void aRegistryFailureShowsAQuestionMarkAndOneNoticeWithoutFailingTheListing() throws Exception {
    // A shallow image of its own (single:1.0 + alpine's 386, which the engine lacks, in a new index) whose only tag
    // is on the bed's private registry, where that repository does not exist: 401 without a login, 404 with one.
    String built = Bed.ref("mimg/remote-probe:1");
    String missing386 = craneChildren(Bed.ref("mimg/alpine:3.16")).stream().filter(c -> c.platform().equals("linux/386"))
        .findFirst().orElseThrow().digest();
    // the missing variant gets a digest of its own each run: a size cached by digest would never ask the registry
    String unique386 = Bed.ref("mimg/remote-probe:386-" + System.nanoTime());
    Bed.crane("mutate", Bed.ref("mimg/alpine@" + missing386), "--label", "mimg.probe=" + unique386, "-t", unique386);
    Bed.crane("index", "append", "-m", Bed.ref("mimg/single:1.0"), "-m", unique386, "-t", built);
    String probe = "127.0.0.1:5125/mimg/absent-probe:1";
    Bed.docker("pull", "-q", "--platform", "linux/amd64", built);
    Bed.docker("tag", built, probe);
    Bed.docker("image", "rm", built);
    try {
      EngineCliTest.Result result = EngineCliTest.snap("ls", "--remote");
      assertThat(result.code()).isZero();
      assertThat(result.out()).containsPattern("127\\.0\\.0\\.1:5125/mimg/absent-probe\\s+1\\s+.*\\s51\\.6kB / \\?\\n");
      assertThat(result.out()).containsPattern("/mimg/alpine\\s+3\\.16\\s+.*\\s225kB / \\d");
      List<String> notices = result.err().lines().filter(l -> l.contains(probe)).toList();  // the bed may hold others
      assertThat(notices).hasSize(1);
      assertThat(notices.get(0)).startsWith("mimg: notice: " + probe + ": total size unknown: ")
          .containsPattern("\\((401|404)\\)");
    } finally {
      Bed.docker("image", "rm", probe);
    }
  }

  private static List<JsonNode> rows(String lines) {
    return lines.lines().map(line -> {
      try {
        return JSON.readTree(line);
      } catch (Exception e) {
        throw new AssertionError(line, e);
      }
    }).toList();
  }
}
