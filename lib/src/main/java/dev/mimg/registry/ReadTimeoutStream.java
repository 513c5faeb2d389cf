package dev.mimg.registry;

import dev.mimg.model.ChunkReadingStream;
import dev.mimg.model.Timeouts;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;

/**
 * A response body whose reads the socket's read timeout limits: a read that waits longer throws a
 * {@link SocketTimeoutException} whose message is one line naming the server, the transfer and how far it came.
 * A body that ends before the length its headers announced throws too (the JDK's stream just ends).
 */
final class ReadTimeoutStream extends ChunkReadingStream {

  private final Timeouts timeouts;
  private final String peer;
  private final String doing;
  private final long announced;
  private long count;

  /**
   * Guards {@code in}, which must hold {@code announced} bytes (-1: unknown); {@code peer} (e.g. "the registry
   * host:port") and {@code doing} ("while fetching ...") name it in the error.
   */
  ReadTimeoutStream(InputStream in, Timeouts timeouts, String peer, String doing, long announced) {
    super(in);
    this.announced = announced;
    this.timeouts = timeouts;
    this.peer = peer;
    this.doing = doing;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n;
    try {
      n = super.read(buffer, offset, length);
    } catch (SocketTimeoutException e) {
      String where = count > 0 ? "after " + count + " bytes " + doing : doing;
      throw new SocketTimeoutException(timeouts.readTimedOut(peer, where));
    }
    if (n > 0) {
      count += n;
    } else if (n < 0 && announced >= 0 && count < announced) {
      throw new IOException("the connection closed after " + count + " of " + announced + " bytes");
    }
    return n;
  }
}
