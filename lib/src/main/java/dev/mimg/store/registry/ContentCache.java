package dev.mimg.store.registry;

import dev.mimg.model.Digest;
import dev.mimg.model.UserDirs;
import dev.mimg.registry.Fetched;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Manifests and configs a registry served, by digest, in memory and between runs under
 * {@code $XDG_CACHE_HOME/mimg/registry-content/ALGORITHM/HEX} (the media type, a newline, the bytes). A digest names
 * immutable bytes; each file read is verified against its digest, and one that does not match counts as absent.
 */
final class ContentCache {

  private final Path dir;
  private final Map<Digest, Fetched> memory = new ConcurrentHashMap<>();

  ContentCache(Path dir) {
    this.dir = dir;
  }

  /** The user's cache. */
  static ContentCache user() {
    return new ContentCache(UserDirs.cache(System.getenv()).resolve("registry-content"));
  }

  /** What is cached for {@code digest}, verified. */
  Optional<Fetched> get(Digest digest) {
    Fetched known = memory.get(digest);
    if (known != null) {
      return Optional.of(known);
    }
    try {
      byte[] file = Files.readAllBytes(file(digest));
      int newline = indexOf(file, (byte) '\n');
      if (newline < 0) {
        return Optional.empty();
      }
      byte[] bytes = Arrays.copyOfRange(file, newline + 1, file.length);
      if (!Digest.of(digest.algorithm(), bytes).equals(digest)) {
        return Optional.empty();
      }
      Fetched fetched = new Fetched(bytes, new String(file, 0, newline, StandardCharsets.UTF_8), digest);
      memory.put(digest, fetched);
      return Optional.of(fetched);
    } catch (IOException | IllegalArgumentException absent) {
      return Optional.empty();
    }
  }

  /** Keeps {@code fetched} (verified by its fetcher); writing the file is best effort. */
  Fetched put(Fetched fetched) {
    memory.put(fetched.digest(), fetched);
    Path file = file(fetched.digest());
    try {
      Files.createDirectories(file.getParent());
      Path temporary = Files.createTempFile(file.getParent(), ".content.", ".tmp");
      byte[] type = (fetched.mediaType() + "\n").getBytes(StandardCharsets.UTF_8);
      byte[] all = Arrays.copyOf(type, type.length + fetched.bytes().length);
      System.arraycopy(fetched.bytes(), 0, all, type.length, fetched.bytes().length);
      Files.write(temporary, all);
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException ignored) {
      // a cache is an optimisation: the next run asks the registry again
    }
    return fetched;
  }

  private Path file(Digest digest) {
    return dir.resolve(digest.algorithm()).resolve(digest.hex());
  }

  private static int indexOf(byte[] bytes, byte wanted) {
    for (int i = 0; i < bytes.length && i < 512; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    return -1;
  }
}
