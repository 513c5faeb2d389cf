package dev.mimg.registry;

import dev.mimg.model.Digest;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Hashing for the digest algorithms images use (sha256, sha512). */
final class Digests {

  private Digests() {
  }

  /** A fresh hasher for {@code algorithm} ({@code sha256} or {@code sha512}, as {@link Digest} accepts). */
  static MessageDigest hasher(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm.equals(Digest.SHA512) ? "SHA-512" : "SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 and SHA-512 are required by every Java platform", e);
    }
  }

  /** The digest of {@code content} with {@code algorithm}. */
  static Digest of(String algorithm, byte[] content) {
    return finish(algorithm, hasher(algorithm).digest(content));
  }

  /** A digest from a finished hash. */
  static Digest finish(String algorithm, byte[] hash) {
    return new Digest(algorithm, HexFormat.of().formatHex(hash));
  }
}
