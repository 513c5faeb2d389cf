package dev.mimg.store.docker;

import dev.mimg.model.Digest;
import dev.mimg.model.UserDirs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the engine says of an image manifest that cannot change while its digest stays (its layers' diff ids, its
 * snapshots' sizes), by manifest digest, kept between runs in {@code $XDG_CACHE_HOME/mimg/NAME}
 * ({@code DIGEST VALUE,VALUE...} per line, values in order). A manifest digest names immutable content, so an entry
 * never goes stale; an unreadable file is ignored and rebuilt.
 */
final class DigestCache {

  private final Path file;
  private final Map<Digest, List<String>> values = new HashMap<>();
  private boolean changed;

  private DigestCache(Path file) {
    this.file = file;
  }

  /** The user's cache called {@code name} (e.g. {@code engine-layers}), read now. */
  static DigestCache user(String name) {
    DigestCache cache = new DigestCache(UserDirs.cache(System.getenv()).resolve(name));
    try {
      for (String line : Files.readAllLines(cache.file, StandardCharsets.US_ASCII)) {
        String[] parts = line.split(" ");
        if (parts.length == 2) {
          cache.values.put(Digest.parse(parts[0]), List.of(parts[1].split(",")));
        }
      }
    } catch (IOException | IllegalArgumentException unreadable) {
      cache.values.clear();
    }
    return cache;
  }

  /** The values of {@code manifest}, read with {@code reader} when the cache does not know them. */
  List<String> get(Digest manifest, Function<Digest, List<String>> reader) {
    synchronized (this) {
      List<String> known = values.get(manifest);
      if (known != null) {
        return known;
      }
    }
    List<String> read = List.copyOf(reader.apply(manifest)); // outside the lock: lookups run in parallel
    synchronized (this) {
      if (!read.isEmpty()) {
        values.put(manifest, read);
        changed = true;
      }
    }
    return read;
  }

  /** Writes the cache back when it learned something (best effort, through a temporary file and a rename). */
  synchronized void save() {
    if (!changed) {
      return;
    }
    try {
      Files.createDirectories(file.getParent());
      Path temporary = Files.createTempFile(file.getParent(), "." + file.getFileName() + ".", ".tmp");
      Files.writeString(temporary, values.entrySet().stream().map(e -> e.getKey() + " " + String.join(",", e.getValue())
          + "\n").collect(Collectors.joining()), StandardCharsets.US_ASCII);
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      changed = false;
    } catch (IOException ignored) {
      // a cache is an optimisation: the next run asks the engine again
    }
  }
}
