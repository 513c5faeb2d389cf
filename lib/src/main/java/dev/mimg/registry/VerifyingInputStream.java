package dev.mimg.registry;

import dev.mimg.model.ChunkReadingStream;
import dev.mimg.model.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * A blob's bytes as the registry sends them, hashed on the way: more bytes than expected, or a wrong size or digest
 * at the end of the stream, throw an {@link IOException} whose message is one line naming the blob.
 */
final class VerifyingInputStream extends ChunkReadingStream {

  private final Digest expected;
  private final long expectedSize;
  private final String subject;
  private final MessageDigest hasher;
  private long count;
  private boolean verified;

  /** {@code expectedSize} is -1 when unknown. */
  VerifyingInputStream(InputStream in, Digest expected, long expectedSize, String subject) {
    super(in);
    this.expected = expected;
    this.expectedSize = expectedSize;
    this.subject = subject;
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
      throw new IOException(subject + ": the registry sent more than the " + expectedSize
          + " bytes the descriptor declares");
    }
  }

  private void verifyAtEnd() throws IOException {
    if (verified) {
      return;
    }
    verified = true;
    if (expectedSize >= 0 && count != expectedSize) {
      throw new IOException(subject + ": the registry sent " + count + " bytes, the descriptor declares "
          + expectedSize);
    }
    Digest actual = Digest.fromHash(expected.algorithm(), hasher.digest());
    if (!actual.equals(expected)) {
      throw new IOException(subject + ": the registry sent content with digest " + actual + ", not " + expected);
    }
  }
}
