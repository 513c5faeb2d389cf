package dev.mimg.store.registry;

import dev.mimg.model.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Content sizes of manifests the registry served, by manifest digest, kept between runs in
 * {@code $XDG_CACHE_HOME/mimg/manifest-sizes} (one {@code DIGEST SIZE} line each). A digest names immutable
 * content, so a size once computed from verified bytes never goes stale; an unreadable file is ignored (the sizes
 * are fetched again), and two runs writing at once only lose entries, never corrupt them (temporary file, rename).
 */
final class ManifestSizeCache {

  private final Path file;
  private final Map<Digest, Long> sizes = new HashMap<>();
  private boolean changed;

  private ManifestSizeCache(Path file) {
    this.file = file;
  }

  /** The user's cache (XDG_CACHE_HOME, else ~/.cache), read now. */
  public static ManifestSizeCache user() {
    return at(dev.mimg.model.UserDirs.cache(System.getenv()).resolve("manifest-sizes"));
  }

  /** The cache kept in {@code file}, read now. */
  public static ManifestSizeCache at(Path file) {
    ManifestSizeCache cache = new ManifestSizeCache(file);
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
        String[] parts = line.split(" ");
        if (parts.length == 2) {
          cache.sizes.put(Digest.parse(parts[0]), Long.parseLong(parts[1]));
        }
      }
    } catch (IOException | IllegalArgumentException unreadable) {
      cache.sizes.clear(); // absent or damaged: every size is fetched again
    }
    return cache;
  }

  /** The cached size of the manifest {@code digest}, or null. */
  synchronized Long get(Digest digest) {
    return sizes.get(digest);
  }

  /** Remembers a size computed from the verified manifest {@code digest}. */
  synchronized void put(Digest digest, long size) {
    changed |= !Long.valueOf(size).equals(sizes.put(digest, size));
  }

  /** Writes the cache back when it learned something (best effort: a cache that cannot be written is skipped). */
  public synchronized void save() {
    if (!changed) {
      return;
    }
    try {
      Files.createDirectories(file.getParent());
      Path temporary = Files.createTempFile(file.getParent(), ".manifest-sizes.", ".tmp");
      Files.writeString(temporary, sizes.entrySet().stream().map(e -> e.getKey() + " " + e.getValue() + "\n")
          .collect(Collectors.joining()), StandardCharsets.US_ASCII);
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      changed = false;
    } catch (IOException ignored) {
      // a cache is an optimisation: the next run fetches again
    }
  }
}
