package dev.mimg.registry;

import dev.mimg.model.Digest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * A blob's bytes as the registry sends them, hashed on the way: more bytes than expected, or a wrong size or digest
 * at the end of the stream, throw an {@link IOException} whose message is one line naming the blob.
 */
final class VerifyingInputStream extends FilterInputStream {

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
  public int read() throws IOException {
    int b = super.read();
    if (b < 0) {
      verifyAtEnd();
    } else {
      hasher.update((byte) b);
      counted(1);
    }
    return b;
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

  @Override
  public long skip(long n) throws IOException {
    byte[] buffer = new byte[(int) Math.min(8192, Math.max(n, 0))];
    long skipped = 0;
    while (skipped < n) {
      int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
      if (read < 0) {
        break;
      }
      skipped += read;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
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
