package dev.mimg.it;

import dev.mimg.bed.BedTest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mimg.bed.Bed;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A back-fill never loses the user's tag (issue 13, defect 3): while the registry still names the stored index no
 * name is ever removed (the engine's own event log is the witness); when the engine goes away in the by-digest path's
 * window, the error names the commands that restore the tag, every listing reports the guard, and the next change
 * restores it.
 */
@BedTest
class BackfillSafetyTest {

  @TempDir
  Path dir;

  private final List<String> names = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    EngineState.removeNames(names);
    EngineState.removeLabelled("safety-");
  }

  private String pushed(String label, String repository) {
    EngineState.uniqueIndex(Bed.ref(repository), label);
    names.add(Bed.ref(repository));
    return Bed.ref(repository);
  }

  private static String guard(String ref) {
    String repository = ref.substring(0, ref.lastIndexOf(':'));
    return "mimg-backfill-guard/" + HexFormat.of().formatHex(repository.getBytes(StandardCharsets.UTF_8))
        + ref.substring(ref.lastIndexOf(':'));
  }

  @Test
  void whileTheRegistryStillNamesTheIndexNoNameIsEverRemoved() {
    String ref = pushed("safety-tag", "safetytest/tag:1");
    Bed.docker("pull", "-q", "--platform", "linux/amd64", ref);
    String stored = EngineState.summary(ref).path("Id").asText();
    String since = EngineState.now();
    EngineCliTest.Result result = EngineCliTest.snap("pull", "-q", ref, "--platform", "linux/s390x");
    String until = EngineState.now();
    assertThat(result.code()).as(result.err()).isZero();
    assertThat(EngineState.imageEvents(since, until)).as("the engine's event log").isNotEmpty()
        .allSatisfy(event -> assertThat(event).startsWith("pull "));
    JsonNode after = EngineState.summary(ref);
    assertThat(after.path("Id").asText()).isEqualTo(stored);
    assertThat(after.path("RepoTags")).extracting(JsonNode::asText).containsExactly(ref);
    assertThat(EngineState.available(after)).containsExactly("linux/amd64", "linux/s390x");
  }

  @Test
  void anEngineGoneInTheWindowNamesTheRestoreCommandsAndTheNextRunRestoresTheTag() throws Exception {
    String ref = pushed("safety-window", "safetytest/window:1");
    Bed.docker("pull", "-q", "--platform", "linux/amd64", ref);
    String stored = EngineState.summary(ref).path("Id").asText();
    pushed("safety-window-moved", "safetytest/window:1"); // the tag moves: the back-fill goes by digest
    String guard = guard(ref);
    names.add(guard);
    EngineCliTest.Result result;
    try (EngineProxy proxy = EngineProxy.goingAwayAfter(dir, 1,
        line -> line.startsWith("DELETE ") && line.contains("@sha256"))) {
      result = EngineCliTest.mimg(proxy.host(), "pull", "-q", ref, "--platform", "linux/s390x");
      assertThat(proxy.gone()).as("the engine went away right after deleting the by-digest name").isTrue();
    }
    assertThat(result.code()).isEqualTo(1);
    assertThat(result.err().lines()).singleElement().asString()
        .startsWith("mimg: the back-fill was interrupted after the engine untagged " + ref + " (")
        .endsWith("restore with: docker tag " + stored.substring(7, 19) + " " + ref + " && docker rmi " + guard
            + " (the next mimg pull, rm or prune does it itself)");
    assertThat(EngineState.byId(stored).path("RepoTags")).extracting(JsonNode::asText).containsExactly(guard);

    JsonNode beforeListing = EngineState.raw();
    EngineCliTest.Result listing = EngineCliTest.snap("ls", "-q");
    assertThat(listing.err().lines()).contains("mimg: notice: an interrupted back-fill left " + ref + " untagged ("
        + guard + " holds " + stored.substring(7, 19) + "): the next mimg pull, rm or prune restores it, or now: "
        + "docker tag " + stored.substring(7, 19) + " " + ref + " && docker rmi " + guard);
    assertThat(EngineState.raw()).as("a listing only reports").isEqualTo(beforeListing);

    EngineCliTest.Result dryRun = EngineCliTest.snap("prune", "--dry-run", "--filter", "reference=" + ref);
    assertThat(dryRun.err()).doesNotContain("restored");
    assertThat(EngineState.raw()).as("a dry run repairs nothing either").isEqualTo(beforeListing);
    EngineCliTest.Result repaired = EngineCliTest.snap("prune", "-f", "--filter", "reference=" + ref);
    assertThat(repaired.err().lines()).contains("mimg: notice: restored " + ref
        + ", which an interrupted back-fill had untagged");
    assertThat(EngineState.summary(ref).path("Id").asText()).isEqualTo(stored);
    assertThat(EngineState.byId(stored).path("RepoTags")).extracting(JsonNode::asText).containsExactly(ref);
  }
}
