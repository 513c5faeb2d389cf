package dev.mimg.store.oci;

import dev.mimg.model.Digest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Every file of a directory with the digest of its content: what "nothing changed" is compared on. */
public final class LayoutFiles {

  private LayoutFiles() {
  }

  /** Relative path to sha256 of the content, sorted. */
  public static Map<String, String> snapshot(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      Map<String, String> snapshot = new TreeMap<>();
      files.filter(Files::isRegularFile).forEach(file -> {
        try {
          snapshot.put(dir.relativize(file).toString(), Digest.sha256Of(Files.readAllBytes(file)).toString());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      return snapshot;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
