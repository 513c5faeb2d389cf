package dev.mimg.store.oci;

import dev.mimg.bed.BedTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mimg.bed.Bed;
import dev.mimg.bed.RegistryFaults;
import dev.mimg.model.Digest;
import dev.mimg.model.Platform;
import dev.mimg.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registry that fails mid-pull ({@link RegistryFaults} in front of the bed's): the pull fails in one line, the
 * layout keeps no partial blob, no temporary file and an unchanged {@code index.json}; a rerun completes.
 */
@BedTest
class LayoutPullFaultTest {

  @TempDir
  Path dir;

  private RegistryFaults faulty;
  private PullBed bed;

  @BeforeEach
  void start() throws Exception {
    faulty = new RegistryFaults(Bed.registry());
    bed = PullBed.in(dir);
    bed.pull(Bed.ref("mimg/single:1.0"), List.of(), false, false);     // index.json has an entry already
  }

  @AfterEach
  void stop() {
    faulty.close();
  }

  @Test
  void aBlobCutHalfwayFailsInOneLineAndLeavesTheLayoutAsItWas() throws Exception {
    assertFailsCleanlyThenRerunCompletes(RegistryFaults.Fault.CUT_LARGE_BODY, ": the download broke off after ");
  }

  @Test
  void aBlobWithWrongBytesFailsInOneLineAndLeavesTheLayoutAsItWas() throws Exception {
    assertFailsCleanlyThenRerunCompletes(RegistryFaults.Fault.CORRUPT_LARGE_BODY, ": blob content does not match its digest: expected ");
  }

  @Test
  void aBackFillWhoseManifestTheRegistryNoLongerHasNamesTheStoredIndex() {
    String ref = faulty.address() + "/mimg/rmme:1";
    bed.pull(ref, List.of(), false, false);
    String index = PullBed.digest(Bed.ref("mimg/rmme:1"));
    String missing = PullBed.digest(Bed.ref("mimg/rmme:1"), "linux/s390x");
    faulty.answer(404, Map.of(), (method, path) -> path.endsWith("/manifests/" + missing));
    assertThatThrownBy(() -> bed.pull(ref, List.of(Platform.parse("linux/s390x")), false, false))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("the registry no longer has linux/s390x")
        .hasMessageContaining("of the stored index " + index.substring(7, 19) + " of " + faulty.address()
            + "/mimg/rmme; use --resolve")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    assertThat(faulty.faults()).isEqualTo(1);
    LayoutAudit.check(dir);
  }

  @Test
  void anAllPlatformsPullWithACutBlobStopsInOneLineNamesNothingAndARerunCompletes() throws Exception {
    byte[] indexBefore = Files.readAllBytes(dir.resolve("index.json"));
    faulty.spoil(RegistryFaults.Fault.CUT_LARGE_BODY, (method, path) -> path.contains("/blobs/"));
    String viaFaulty = faulty.address() + "/mimg/rmme:1";
    assertThatThrownBy(() -> bed.pull(viaFaulty, List.of(), true, false))
        .isInstanceOf(StoreException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n")
            .startsWith("cannot pull " + faulty.address() + "/mimg/rmme@sha256:")
            .contains(": the download broke off after ").endsWith("; nothing was stored"));
    assertThat(Files.readAllBytes(dir.resolve("index.json"))).isEqualTo(indexBefore);
    assertThat(LayoutAudit.temporaryFiles(dir)).isEmpty();
    assertThat(bed.store.layout().hasBlob(Digest.parse(PullBed.digest(Bed.ref("mimg/rmme:1"))))).isFalse();
    LayoutAudit.allBlobsIntact(dir);
    bed.pull(Bed.ref("mimg/rmme:1"), List.of(), true, false);
    assertThat(bed.store.images()).hasSize(2);
    assertThat(LayoutAudit.check(dir)).isEqualTo(3 + 1 + 4 * 3);
  }

  private void assertFailsCleanlyThenRerunCompletes(RegistryFaults.Fault fault, String why) throws Exception {
    byte[] indexBefore = Files.readAllBytes(dir.resolve("index.json"));
    Map<String, String> before = LayoutFiles.snapshot(dir);
    faulty.spoil(fault, (method, path) -> path.contains("/blobs/"));
    String viaFaulty = faulty.address() + "/mimg/rmme:1";
    assertThatThrownBy(() -> bed.pull(viaFaulty, List.of(), false, false))
        .isInstanceOf(StoreException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n")
            .startsWith("cannot pull " + faulty.address() + "/mimg/rmme@sha256:").contains(why)
            .endsWith("; nothing was stored"));
    assertThat(faulty.faults()).isPositive();
    assertThat(Files.readAllBytes(dir.resolve("index.json"))).isEqualTo(indexBefore);
    assertThat(LayoutAudit.temporaryFiles(dir)).isEmpty();
    String child = PullBed.digest(Bed.ref("mimg/rmme:1"), "linux/amd64");
    String layer = new ObjectMapper().readTree(Bed.crane("manifest", Bed.ref("mimg/rmme@" + child)))
        .path("layers").path(0).path("digest").asText();
    assertThat(bed.store.layout().hasBlob(Digest.parse(layer))).isFalse();
    assertThat(bed.store.layout().hasBlob(Digest.parse(child))).isFalse();
    LayoutAudit.allBlobsIntact(dir);
    LayoutAudit.check(dir);
    bed.pull(Bed.ref("mimg/rmme:1"), List.of(), false, false);
    assertThat(bed.store.images()).hasSize(2);
    assertThat(LayoutFiles.snapshot(dir).keySet()).containsAll(before.keySet().stream()
        .filter(k -> k.startsWith("blobs/")).toList());
    assertThat(LayoutAudit.check(dir)).isEqualTo(3 + 4);
  }
}
