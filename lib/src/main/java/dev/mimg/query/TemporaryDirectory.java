package dev.mimg.query;

import dev.mimg.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A copy's temporary directory ({@code mimg-cp-*} under java.io.tmpdir): made on demand, deleted with its files. */
final class TemporaryDirectory {

  private TemporaryDirectory() {
  }

  /** A new empty directory; {@code purpose} says in the error what it was for. */
  static Path create(String purpose) {
    try {
      return Files.createTempDirectory("mimg-cp-");
    } catch (IOException e) {
      throw new StoreException("cannot make a temporary directory for " + purpose + ": " + e.getMessage(), e);
    }
  }

  /** Deletes {@code directory} and everything in it, best effort (one left behind is the system's to clean). */
  static void delete(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is the system's to clean
    }
  }
}
