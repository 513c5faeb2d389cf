package dev.mimg.store.oci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimg.model.Descriptor;
import dev.mimg.model.Digest;
import dev.mimg.model.MediaTypes;
import dev.mimg.model.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gc() deletes exactly what index.json no longer reaches, tolerates shallow indexes and leaves temporary files alone. */
class OciLayoutGcTest {

  @TempDir
  Path dir;

  @Test
  void unreachableBlobsGoReachableOnesStay() throws Exception {
    TestLayout test = TestLayout.create(dir);
    Descriptor amd64 = test.image(Platform.of("linux", "amd64", ""), "2024-01-01T00:00:00Z", 100);
    Descriptor arm64 = test.image(Platform.of("linux", "arm64", "v8"), "2024-01-01T00:00:00Z", 200);
    Descriptor index = test.index(amd64, arm64);
    test.entry("example.com/app:1", index);
    Descriptor orphanImage = test.image(Platform.of("linux", "s390x", ""), "2024-01-01T00:00:00Z", 300);
    Descriptor orphanBlob = test.blob(TestLayout.LAYER, TestLayout.utf8("orphan"));
    long orphanBytes = orphanImage.size() + 300 + Files.size(blob(configOf(test, orphanImage))) + orphanBlob.size();
    Path temporary = Files.createFile(dir.resolve("blobs/sha256/.mimg-123.tmp"));
    long before = blobCount();

    assertThat(test.layout.gc()).isEqualTo(orphanBytes);

    assertThat(blobCount()).isEqualTo(before - 4);
    assertThat(test.layout.hasBlob(orphanBlob.digest())).isFalse();
    assertThat(test.layout.hasBlob(orphanImage.digest())).isFalse();
    assertThat(ContentGraph.reachable(test.layout, test.layout.index().manifests()))
        .allSatisfy(d -> assertThat(test.layout.hasBlob(d)).isTrue());
    assertThat(temporary).as("a writer's temporary file is no blob").exists();
    assertThat(test.layout.gc()).isZero();
  }

  @Test
  void aRemovalClearsTemporaryFilesAbandonedOverAnHourAgoButNotFreshOnes() throws Exception {
    TestLayout test = TestLayout.create(dir);
    Path abandoned = Files.writeString(dir.resolve("blobs/sha256/.mimg-old.tmp"), "half a layer");
    Files.setLastModifiedTime(abandoned, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()
        - Duration.ofHours(2).toMillis()));
    Path writing = Files.writeString(dir.resolve("blobs/sha256/.mimg-new.tmp"), "being written");
    assertThat(test.layout.collect(java.util.Set.of())).isEqualTo("half a layer".length());
    assertThat(abandoned).doesNotExist();
    assertThat(writing).exists();
  }

  @Test
  void aMissingChildManifestIsFineAndItsSiblingsStay() throws Exception {
    TestLayout test = TestLayout.create(dir);
    Descriptor amd64 = test.image(Platform.of("linux", "amd64", ""), "2024-01-01T00:00:00Z", 100);
    Descriptor arm64 = test.image(Platform.of("linux", "arm64", "v8"), "2024-01-01T00:00:00Z", 200);
    test.entry("example.com/app:1", test.index(amd64, arm64));
    Digest armConfig = configOf(test, arm64);
    Files.delete(blob(arm64.digest()));
    long expected = Files.size(blob(armConfig)) + 200;

    assertThat(test.layout.gc()).isEqualTo(expected);
    assertThat(test.layout.hasBlob(armConfig)).isFalse();
    assertThat(test.layout.hasBlob(configOf(test, amd64))).isTrue();
  }

  @Test
  void aMinimumAgeSparesYoungUnnamedBlobs() {
    TestLayout test = TestLayout.create(dir);
    Descriptor young = test.blob(TestLayout.LAYER, TestLayout.utf8("just written, not named yet"));
    assertThat(test.layout.gc(Duration.ofMinutes(10))).isZero();
    assertThat(test.layout.hasBlob(young.digest())).isTrue();
    assertThat(test.layout.gc()).isEqualTo(young.size());
  }

  @Test
  void dockerMediaTypesAreWalkedToo() {
    TestLayout test = TestLayout.create(dir);
    Descriptor amd64 = test.image(Platform.of("linux", "amd64", ""), "2024-01-01T00:00:00Z", 100);
    Descriptor list = test.json(MediaTypes.DOCKER_MANIFEST_LIST, new dev.mimg.model.ImageIndex(2,
        MediaTypes.DOCKER_MANIFEST_LIST, java.util.List.of(amd64), null));
    test.entry("example.com/docker:1", list);
    assertThat(test.layout.gc()).isZero();
    assertThat(test.layout.hasBlob(configOf(test, amd64))).isTrue();
  }

  private Path blob(Digest digest) {
    return dir.resolve("blobs/sha256/" + digest.hex());
  }

  private static Digest configOf(TestLayout test, Descriptor manifest) {
    return test.layout.readManifestBlob(manifest.digest()).config().digest();
  }

  private long blobCount() throws Exception {
    try (var files = Files.list(dir.resolve("blobs/sha256"))) {
      return files.filter(f -> !f.getFileName().toString().startsWith(".")).count();
    }
  }
}
