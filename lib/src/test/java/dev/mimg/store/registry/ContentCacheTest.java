package dev.mimg.store.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimg.model.Digest;
import dev.mimg.registry.Fetched;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry content cache: kept between runs by digest, every read verified. */
class ContentCacheTest {

  @TempDir
  Path dir;

  private static Fetched manifest(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return new Fetched(bytes, "application/vnd.oci.image.manifest.v1+json", Digest.sha256Of(bytes));
  }

  @Test
  void whatOneRunKeepsTheNextReadsWithItsMediaType() {
    Fetched kept = manifest("{\"schemaVersion\":2}");
    new ContentCache(dir).put(kept);
    Fetched read = new ContentCache(dir).get(kept.digest()).orElseThrow();
    assertThat(read.bytes()).isEqualTo(kept.bytes());
    assertThat(read.mediaType()).isEqualTo(kept.mediaType());
    assertThat(new ContentCache(dir).get(Digest.sha256Of(new byte[] {1}))).isEmpty();
  }

  @Test
  void aFileThatDoesNotMatchItsDigestCountsAsAbsent() throws IOException {
    Fetched kept = manifest("{\"schemaVersion\":2}");
    new ContentCache(dir).put(kept);
    Files.writeString(dir.resolve("sha256").resolve(kept.digest().hex()), kept.mediaType() + "\n{\"evil\":1}");
    assertThat(new ContentCache(dir).get(kept.digest())).isEmpty();
    Files.writeString(dir.resolve("sha256").resolve(kept.digest().hex()), "no newline at all");
    assertThat(new ContentCache(dir).get(kept.digest())).isEmpty();
  }
}
