package dev.mimg.bed;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A unix socket in front of a real one (containerd's) that forwards bytes both ways and, once the answers have
 * reached a byte budget, drops every connection and refuses new ones: a daemon that stops or restarts midway.
 */
public final class CuttingSocketProxy implements AutoCloseable {

  private final Path socket;
  private final Path upstream;
  private final ServerSocketChannel server;
  private final AtomicLong answered = new AtomicLong();
  private final List<SocketChannel> open = new CopyOnWriteArrayList<>();
  private volatile long budget = Long.MAX_VALUE;
  private volatile boolean cut;

  /** Listens on {@code socket}, forwarding to {@code upstream}. */
  public CuttingSocketProxy(Path socket, Path upstream) throws IOException {
    this.socket = socket;
    this.upstream = upstream;
    Files.deleteIfExists(socket);
    this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    Thread accepting = new Thread(this::accept, "cutting-proxy");
    accepting.setDaemon(true);
    accepting.start();
  }

  /** The proxy's socket. */
  public Path socket() {
    return socket;
  }

  /** How many bytes of answers went through so far. */
  public long answered() {
    return answered.get();
  }

  /** From now on, cuts everything once {@code bytes} more bytes of answers went through (0: at once). */
  public void cutAfter(long bytes) {
    budget = answered.get() + bytes;
    if (bytes == 0) {
      cutNow();
    }
  }

  private void accept() {
    while (server.isOpen()) {
      try {
        SocketChannel client = server.accept();
        if (cut) {
          client.close();
          continue;
        }
        SocketChannel daemon = SocketChannel.open(UnixDomainSocketAddress.of(upstream));
        open.add(client);
        open.add(daemon);
        pump(client, daemon, false);
        pump(daemon, client, true);
      } catch (IOException e) {
        return;
      }
    }
  }

  private void pump(SocketChannel from, SocketChannel to, boolean answers) {
    Thread thread = new Thread(() -> {
      ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
      try {
        while (!cut && from.read(buffer) >= 0) {
          buffer.flip();
          if (answers && answered.addAndGet(buffer.remaining()) >= budget) {
            cutNow();
            return;
          }
          while (buffer.hasRemaining()) {
            to.write(buffer);
          }
          buffer.clear();
        }
      } catch (IOException e) {
        // the other side went away
      } finally {
        closeQuietly(from);
        closeQuietly(to);
      }
    }, "cutting-proxy-pump");
    thread.setDaemon(true);
    thread.start();
  }

  private void cutNow() {
    cut = true;
    open.forEach(CuttingSocketProxy::closeQuietly);
  }

  private static void closeQuietly(SocketChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // closing what is gone already
    }
  }

  @Override
  public void close() throws IOException {
    cutNow();
    server.close();
    Files.deleteIfExists(socket);
  }
}
