package dev.mimg.store.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mimg.model.Digest;
import dev.mimg.store.StoreException;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** putBlob stores only verified content, atomically; a mismatch leaves no trace; reads of missing blobs are one line. */
class OciLayoutBlobTest {

  @TempDir
  Path dir;
  OciLayout layout;

  @BeforeEach
  void create() {
    layout = OciLayout.create(dir);
  }

  @Test
  void aVerifiedBlobIsStoredUnderItsDigest() throws Exception {
    byte[] content = TestLayout.utf8("hello layer");
    Digest digest = Digest.sha256Of(content);
    assertThat(layout.putBlob(digest, content.length, new ByteArrayInputStream(content))).isTrue();
    assertThat(Files.readAllBytes(dir.resolve("blobs/sha256/" + digest.hex()))).isEqualTo(content);
    assertThat(layout.hasBlob(digest)).isTrue();
    assertThat(layout.readBlob(digest)).isEqualTo(content);
    try (var in = layout.openBlob(digest)) {
      assertThat(in.readAllBytes()).isEqualTo(content);
    }
    assertThat(layout.putBlob(digest, new ByteArrayInputStream(new byte[0]))).as("already there: nothing read").isFalse();
  }

  @Test
  void blobsAndTheIndexAreSharedReadableAndNoTemporaryFileStays() throws Exception {
    byte[] content = TestLayout.utf8("a shared layer");
    Digest digest = Digest.sha256Of(content);
    layout.putBlob(digest, content.length, new ByteArrayInputStream(content));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("blobs/sha256/" + digest.hex()))))
        .isEqualTo("rw-r--r--");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("index.json"))))
        .isEqualTo("rw-r--r--");
    try (var files = Files.walk(dir)) {
      assertThat(files.map(path -> path.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
    }
  }

  @Test
  void aDigestMismatchDeletesTheTemporaryFileAndNamesBothDigests() {
    byte[] content = TestLayout.utf8("what arrived");
    Digest expected = Digest.sha256Of(TestLayout.utf8("what was announced"));
    Map<String, String> before = LayoutFiles.snapshot(dir);
    assertThatThrownBy(() -> layout.putBlob(expected, new ByteArrayInputStream(content)))
        .isInstanceOf(StoreException.class)
        .hasMessage("blob content does not match its digest: expected " + expected + ", got "
            + Digest.sha256Of(content) + " (12 bytes); nothing was stored");
    assertThat(layout.hasBlob(expected)).isFalse();
    assertThat(LayoutFiles.snapshot(dir)).as("no partial or temporary file").isEqualTo(before);
  }

  @Test
  void aSizeMismatchIsRefusedToo() {
    byte[] content = TestLayout.utf8("twelve bytes");
    Digest digest = Digest.sha256Of(content);
    Map<String, String> before = LayoutFiles.snapshot(dir);
    assertThatThrownBy(() -> layout.putBlob(digest, 5, new ByteArrayInputStream(content)))
        .isInstanceOf(StoreException.class)
        .hasMessage("blob " + digest + " has the wrong size: expected 5 bytes, got more than 5; nothing was stored");
    assertThatThrownBy(() -> layout.putBlob(digest, 20, new ByteArrayInputStream(content)))
        .isInstanceOf(StoreException.class)
        .hasMessage("blob " + digest + " has the wrong size: expected 20 bytes, got 12; nothing was stored");
    assertThat(LayoutFiles.snapshot(dir)).isEqualTo(before);
  }

  @Test
  void sha512BlobsAreVerifiedWithSha512() throws Exception {
    byte[] content = TestLayout.utf8("sha512 content");
    java.security.MessageDigest sha512 = java.security.MessageDigest.getInstance("SHA-512");
    Digest digest = new Digest(Digest.SHA512, java.util.HexFormat.of().formatHex(sha512.digest(content)));
    assertThat(layout.putBlob(digest, new ByteArrayInputStream(content))).isTrue();
    assertThat(dir.resolve("blobs/sha512/" + digest.hex())).exists();
  }

  @Test
  void aMissingBlobIsOneLine() throws Exception {
    Digest absent = Digest.sha256Of(TestLayout.utf8("absent"));
    assertThatThrownBy(() -> layout.readBlob(absent)).isInstanceOf(StoreException.class)
        .hasMessage("blob " + absent + " is missing from the OCI layout " + dir.toRealPath());
    assertThatThrownBy(() -> layout.openBlob(absent)).isInstanceOf(StoreException.class)
        .hasMessage("blob " + absent + " is missing from the OCI layout " + dir.toRealPath());
  }
}
