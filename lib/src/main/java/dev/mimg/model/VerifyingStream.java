package dev.mimg.model;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * A blob's bytes as a source (a registry, a layout) gives them, hashed on the way: more bytes than expected, or a
 * wrong size or digest at the end of the stream, throw an {@link IOException} whose message is one line naming the
 * blob and the source.
 */
public final class VerifyingStream extends ChunkReadingStream {

  private final Digest expected;
  private final long expectedSize;
  private final String subject;
  private final String source;
  private final MessageDigest hasher;
  private long count;
  private boolean verified;

  /**
   * {@code expectedSize} is -1 when unknown; {@code subject} starts the messages, {@code source} ("the registry")
   * names who sent the bytes.
   */
  public VerifyingStream(InputStream in, Digest expected, long expectedSize, String subject, String source) {
    super(in);
    this.expected = expected;
    this.expectedSize = expectedSize;
    this.subject = subject;
    this.source = source;
    this.hasher = Digest.hasher(expected.algorithm());
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n < 0) {
      verifyAtEnd();
    } else {
      hasher.update(buffer, offset, n);
      counted(n);
    }
    return n;
  }

  private void counted(int n) throws IOException {
    count += n;
    if (expectedSize >= 0 && count > expectedSize) {
      throw new IOException(subject + ": " + source + " sent more than the " + expectedSize
          + " bytes the descriptor declares");
    }
  }

  private void verifyAtEnd() throws IOException {
    if (verified) {
      return;
    }
    verified = true;
    if (expectedSize >= 0 && count != expectedSize) {
      throw new IOException(subject + ": " + source + " sent " + count + " bytes, the descriptor declares "
          + expectedSize);
    }
    Digest actual = Digest.fromHash(expected.algorithm(), hasher.digest());
    if (!actual.equals(expected)) {
      throw new IOException(subject + ": " + source + " sent content with digest " + actual + ", not " + expected);
    }
  }
}
