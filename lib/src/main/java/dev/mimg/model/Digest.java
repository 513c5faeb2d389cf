package dev.mimg.model;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;

/**
 * A content digest such as {@code sha256:<64 lower-case hex>}; only sha256 and sha512 are accepted.
 *
 * <p>Written to and read from JSON as its string form.
 */
public record Digest(String algorithm, String hex) {

  /** The algorithm used by every Docker and OCI image in practice. */
  public static final String SHA256 = "sha256";
  /** The other algorithm the OCI image-spec registers. */
  public static final String SHA512 = "sha512";

  private static final Map<String, Integer> HEX_LENGTHS = Map.of(SHA256, 64, SHA512, 128);
  private static final int SHORT_ID_LENGTH = 12;

  /** Validates the algorithm and the hex length and alphabet. */
  public Digest {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(hex, "hex");
    String problem = problemWith(algorithm, hex);
    if (problem != null) {
      throw InvalidInputException.of("invalid digest", algorithm + ":" + hex, problem);
    }
  }

  /** Parses {@code algorithm:hex} strictly; anything else (including path characters) is rejected. */
  public static Digest parse(String text) {
    if (text == null || text.isEmpty()) {
      throw InvalidInputException.of("invalid digest", "", "digest is empty");
    }
    int colon = text.indexOf(':');
    if (colon < 0) {
      throw InvalidInputException.of("invalid digest", text, "expected <algorithm>:<hex>, e.g. sha256:<64 hex digits>");
    }
    String algorithm = text.substring(0, colon);
    String hex = text.substring(colon + 1);
    String problem = problemWith(algorithm, hex);
    if (problem != null) {
      throw InvalidInputException.of("invalid digest", text, problem);
    }
    return new Digest(algorithm, hex);
  }

  /** The sha256 digest of the given bytes. */
  public static Digest sha256Of(byte[] content) {
    return of(SHA256, content);
  }

  /** The digest of the given bytes with {@code algorithm} ({@code sha256} or {@code sha512}). */
  public static Digest of(String algorithm, byte[] content) {
    return fromHash(algorithm, hasher(algorithm).digest(content));
  }

  /** A fresh hasher for {@code algorithm} ({@code sha256} or {@code sha512}), for content that streams past. */
  public static MessageDigest hasher(String algorithm) {
    try {
      return MessageDigest.getInstance(SHA512.equals(algorithm) ? "SHA-512" : "SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 and SHA-512 are required by every Java platform", e);
    }
  }

  /** The digest a finished {@link #hasher} of {@code algorithm} gave. */
  public static Digest fromHash(String algorithm, byte[] hash) {
    return new Digest(algorithm, HexFormat.of().formatHex(hash));
  }

  /** The first 12 hex characters, as Docker shows an image ID. */
  public String shortId() {
    return hex.substring(0, SHORT_ID_LENGTH);
  }

  /** The {@code algorithm:hex} form. */
  @Override
  public String toString() {
    return algorithm + ":" + hex;
  }

  /** Equal to a digest of the same algorithm and hex (written out: no record bootstrap at start-up). */
  @Override
  public boolean equals(Object other) {
    return other instanceof Digest digest && algorithm.equals(digest.algorithm) && hex.equals(digest.hex);
  }

  /** Consistent with {@link #equals(Object)}. */
  @Override
  public int hashCode() {
    return 31 * algorithm.hashCode() + hex.hashCode();
  }

  private static boolean lowerHex(String hex) {
    for (int i = 0; i < hex.length(); i++) {
      char c = hex.charAt(i);
      if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
        return false;
      }
    }
    return true;
  }

  private static String problemWith(String algorithm, String hex) {
    Integer expectedLength = HEX_LENGTHS.get(algorithm);
    if (expectedLength == null) {
      return "unsupported algorithm " + InvalidInputException.quote(algorithm) + " (expected sha256 or sha512)";
    }
    if (hex.length() != expectedLength || !lowerHex(hex)) {
      return algorithm + " needs exactly " + expectedLength + " lower-case hex digits";
    }
    return null;
  }
}
