package dev.mimg.store.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimg.model.Digest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest-size cache: survives runs, ignores a damaged file, writes only what it learned. */
class ManifestSizeCacheTest {

  @TempDir
  Path dir;

  private final Digest digest = Digest.sha256Of("manifest".getBytes());

  @Test
  void sizesSurviveARunAndADamagedFileIsIgnored() throws Exception {
    Path file = dir.resolve("mimg/manifest-sizes");
    ManifestSizeCache first = ManifestSizeCache.at(file);
    assertThat(first.get(digest)).isNull();
    first.put(digest, 1234);
    first.save();
    assertThat(ManifestSizeCache.at(file).get(digest)).isEqualTo(1234L);
    Files.writeString(file, "not a digest line\n");
    assertThat(ManifestSizeCache.at(file).get(digest)).isNull();
  }

  @Test
  void nothingLearnedNothingWritten() {
    ManifestSizeCache.at(dir.resolve("sizes")).save();
    assertThat(dir.resolve("sizes")).doesNotExist();
  }
}
