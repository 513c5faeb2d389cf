package dev.mimg.store.docker;

import dev.mimg.model.Timeouts;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One connection to a unix socket whose connect, reads and writes each wait at most the timeouts (the JDK's unix
 * channels have no socket timeout, so the channel is non-blocking and waits go through a selector); a wait that
 * runs out throws a {@link SocketTimeoutException} ("Connect timed out" or "Read timed out").
 */
final class UnixConnection implements EngineConnection {

  private final SocketChannel channel;
  private final Selector selector;
  private final SelectionKey key;
  private final Timeouts timeouts;

  private UnixConnection(SocketChannel channel, Selector selector, Timeouts timeouts) throws IOException {
    this.channel = channel;
    this.selector = selector;
    this.key = channel.register(selector, 0);
    this.timeouts = timeouts;
  }

  /** Connects to {@code socket} within the connect timeout. */
  static UnixConnection open(Path socket, Timeouts timeouts) throws IOException {
    SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
    Selector selector = null;
    try {
      channel.configureBlocking(false);
      selector = Selector.open();
      UnixConnection connection = new UnixConnection(channel, selector, timeouts);
      if (!channel.connect(UnixDomainSocketAddress.of(socket))) {
        connection.await(SelectionKey.OP_CONNECT, timeouts.connect(), "Connect timed out");
        channel.finishConnect();
      }
      return connection;
    } catch (IOException | RuntimeException e) {
      channel.close();
      if (selector != null) {
        selector.close();
      }
      throw e;
    }
  }

  /** The bytes the peer sends; a read waits at most the read timeout for the next of them. */
  @Override
  public InputStream input() {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
          return 0;
        }
        ByteBuffer target = ByteBuffer.wrap(buffer, offset, length);
        for (int n = channel.read(target); ; n = channel.read(target)) {
          if (n != 0) {
            return n;
          }
          await(SelectionKey.OP_READ, timeouts.read(), "Read timed out");
        }
      }
    };
  }

  /** Writes to the peer; a write waits at most the read timeout for room in the socket's buffer. */
  @Override
  public OutputStream output() {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] bytes, int offset, int length) throws IOException {
        ByteBuffer source = ByteBuffer.wrap(bytes, offset, length);
        while (source.hasRemaining()) {
          if (channel.write(source) == 0) {
            await(SelectionKey.OP_WRITE, timeouts.read(), "Write timed out");
          }
        }
      }
    };
  }

  /** Waits until the channel is ready for {@code operation}, at most {@code limit} (zero: no limit). */
  private void await(int operation, Duration limit, String timedOut) throws IOException {
    key.interestOps(operation);
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      long left = limit.isZero() ? 0 : Math.max(1, (deadline - System.nanoTime() + 999_999) / 1_000_000);
      int ready = selector.select(left);
      selector.selectedKeys().clear();
      if (ready > 0) {
        key.interestOps(0);
        return;
      }
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedIOException("interrupted");
      }
      if (!limit.isZero() && System.nanoTime() - deadline >= 0) {
        throw new SocketTimeoutException(timedOut);
      }
    }
  }

  @Override
  public void close() throws IOException {
    try {
      channel.close();
    } finally {
      selector.close();
    }
  }
}
