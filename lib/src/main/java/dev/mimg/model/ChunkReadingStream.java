package dev.mimg.model;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A filter stream whose every read, single bytes and skips included, goes through
 * {@link #read(byte[], int, int)}: subclasses that count, hash or guard bytes override that one method.
 */
public abstract class ChunkReadingStream extends FilterInputStream {

  /** Filters {@code in}. */
  protected ChunkReadingStream(InputStream in) {
    super(in);
  }

  @Override
  public final int read() throws IOException {
    byte[] one = new byte[1];
    int n;
    do {
      n = read(one, 0, 1);
    } while (n == 0);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public final long skip(long n) throws IOException {
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
  public final boolean markSupported() {
    return false;
  }
}
