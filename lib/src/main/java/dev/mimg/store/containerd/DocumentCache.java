package dev.mimg.store.containerd;

import dev.mimg.model.Digest;
import dev.mimg.model.UserDirs;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Indexes, manifests and configs read from containerd, by digest (content is immutable): a store asked again (the
 * shell, a notebook, the re-check before a change) reads only the documents it has not seen, and a later run reads
 * them from {@code $XDG_CACHE_HOME/mimg/containerd-documents} (a digest names its bytes, so an entry never goes
 * stale; a listing uses an entry only for a digest containerd's content list holds now, and only when its bytes
 * hash to that digest). The file keeps the documents the last listings used first, at most {@value #LIMIT} bytes;
 * an unreadable file is ignored and rebuilt.
 */
final class DocumentCache {

  static final int LIMIT = 16 << 20;
  private static final int MAGIC = 0x6d696d67;

  private final Path file;
  private final Map<Digest, byte[]> documents = new ConcurrentHashMap<>();
  private final Set<Digest> used = ConcurrentHashMap.newKeySet();
  private volatile boolean loaded;
  private volatile boolean changed;

  private DocumentCache(Path file) {
    this.file = file;
  }

  /** The user's cache, read from its file on first use. */
  static DocumentCache user() {
    return new DocumentCache(UserDirs.cache(System.getenv()).resolve("containerd-documents"));
  }

  byte[] get(Digest digest) {
    load();
    byte[] bytes = documents.get(digest);
    if (bytes != null) {
      used.add(digest);
    }
    return bytes;
  }

  void put(Digest digest, byte[] bytes) {
    documents.put(digest, bytes);
    used.add(digest);
    changed = true;
  }

  private synchronized void load() {
    if (loaded) {
      return;
    }
    loaded = true;
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
      if (in.readInt() != MAGIC) {
        return;
      }
      for (int count = in.readInt(); count > 0; count--) {
        Digest digest = Digest.parse(in.readUTF());
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        if (Digest.of(digest.algorithm(), bytes).equals(digest)) { // a damaged entry counts as absent
          documents.putIfAbsent(digest, bytes);
        }
      }
    } catch (IOException | RuntimeException unreadable) {
      // no cache yet, or a broken one: containerd is asked, and the file is written anew
      changed = !documents.isEmpty();
    }
  }

  /**
   * Writes the file back when a listing learned a document (best effort, through a temporary file and a rename):
   * the documents used since the last save first, then older ones while the file stays within the limit.
   */
  synchronized void save() {
    if (!changed) {
      return;
    }
    Map<Digest, byte[]> kept = new LinkedHashMap<>();
    long bytes = 0;
    for (boolean recent : new boolean[] {true, false}) {
      for (Map.Entry<Digest, byte[]> entry : documents.entrySet()) {
        if (used.contains(entry.getKey()) == recent && bytes + entry.getValue().length <= LIMIT) {
          kept.put(entry.getKey(), entry.getValue());
          bytes += entry.getValue().length;
        }
      }
    }
    try {
      Files.createDirectories(file.getParent());
      Path temporary = Files.createTempFile(file.getParent(), "." + file.getFileName() + ".", ".tmp");
      try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary),
          1 << 16))) {
        out.writeInt(MAGIC);
        out.writeInt(kept.size());
        for (Map.Entry<Digest, byte[]> entry : kept.entrySet()) {
          out.writeUTF(entry.getKey().toString());
          out.writeInt(entry.getValue().length);
          out.write(entry.getValue());
        }
      }
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      changed = false;
      used.clear();
    } catch (IOException ignored) {
      // a cache is an optimisation: the next run asks containerd again
    }
  }
}
