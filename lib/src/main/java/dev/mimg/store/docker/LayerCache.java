package dev.mimg.store.docker;

import dev.mimg.model.Digest;
import dev.mimg.model.UserDirs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The layers (diff ids) of image manifests, by manifest digest, kept between runs in
 * {@code $XDG_CACHE_HOME/mimg/engine-layers} ({@code DIGEST LAYER,LAYER...} per line). A manifest digest names
 * immutable content, so an entry never goes stale; an unreadable file is ignored and rebuilt.
 */
final class LayerCache {

  private final Path file;
  private final Map<Digest, Set<String>> layers = new HashMap<>();
  private boolean changed;

  private LayerCache(Path file) {
    this.file = file;
  }

  /** The user's cache, read now. */
  static LayerCache user() {
    LayerCache cache = new LayerCache(UserDirs.cache(System.getenv()).resolve("engine-layers"));
    try {
      for (String line : Files.readAllLines(cache.file, StandardCharsets.US_ASCII)) {
        String[] parts = line.split(" ");
        if (parts.length == 2) {
          cache.layers.put(Digest.parse(parts[0]), new LinkedHashSet<>(List.of(parts[1].split(","))));
        }
      }
    } catch (IOException | IllegalArgumentException unreadable) {
      cache.layers.clear();
    }
    return cache;
  }

  /** The layers of {@code manifest}, read with {@code reader} when the cache does not know them. */
  Set<String> get(Digest manifest, Function<Digest, Set<String>> reader) {
    synchronized (this) {
      Set<String> known = layers.get(manifest);
      if (known != null) {
        return known;
      }
    }
    Set<String> read = Set.copyOf(reader.apply(manifest)); // outside the lock: lookups run in parallel
    synchronized (this) {
      if (!read.isEmpty()) {
        layers.put(manifest, read);
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
      Path temporary = Files.createTempFile(file.getParent(), ".engine-layers.", ".tmp");
      Files.writeString(temporary, layers.entrySet().stream().map(e -> e.getKey() + " " + String.join(",", e.getValue())
          + "\n").collect(Collectors.joining()), StandardCharsets.US_ASCII);
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      changed = false;
    } catch (IOException ignored) {
      // a cache is an optimisation: the next run asks the engine again
    }
  }
}
