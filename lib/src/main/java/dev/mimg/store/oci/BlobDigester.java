package dev.mimg.store.oci;

import dev.mimg.model.Digest;
import java.security.MessageDigest;

/** Computes a digest of the same algorithm as an expected one while the bytes stream past. */
final class BlobDigester {

  private final String algorithm;
  private final MessageDigest digest;
  private long size;

  /** A digester for {@code expected}'s algorithm (sha256 or sha512). */
  BlobDigester(Digest expected) {
    this.algorithm = expected.algorithm();
    this.digest = Digest.hasher(algorithm);
  }

  /** Adds {@code length} bytes of {@code buffer}. */
  void update(byte[] buffer, int length) {
    digest.update(buffer, 0, length);
    size += length;
  }

  /** How many bytes went past so far. */
  long size() {
    return size;
  }

  /** The digest of everything that went past (call once, at the end). */
  Digest result() {
    return Digest.fromHash(algorithm, digest.digest());
  }
}
