package dev.mimg.store.containerd;

import dev.mimg.model.Digest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Indexes, manifests and configs read from containerd, by digest (content is immutable): a store asked again (the
 * shell, a notebook, the re-check before a change) reads only the documents it has not seen.
 */
final class DocumentCache {

  private final Map<Digest, byte[]> documents = new ConcurrentHashMap<>();

  byte[] get(Digest digest) {
    return documents.get(digest);
  }

  void put(Digest digest, byte[] bytes) {
    documents.put(digest, bytes);
  }
}
