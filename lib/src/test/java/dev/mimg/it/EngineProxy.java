package dev.mimg.it;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A unix-socket proxy in front of the bed's real engine that "goes away" on cue: it forwards every request until
 * {@code cue} has matched {@code times} request lines (e.g. {@code DELETE /v1.51/images/...}), lets those through,
 * then refuses every later connection, as an engine that stops or crashes. Only the going-away is fake.
 */
final class EngineProxy implements AutoCloseable {

  private final Path socket;
  private final Path engine;
  private final ServerSocketChannel server;
  private final Predicate<String> cue;
  private final AtomicInteger left;
  private volatile boolean gone;

  private EngineProxy(Path dir, Path engine, Predicate<String> cue, int times) throws IOException {
    this.socket = dir.resolve("engine-proxy.sock");
    this.engine = engine;
    this.cue = cue;
    this.left = new AtomicInteger(times);
    this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    Thread accept = new Thread(this::serve, "engine-proxy");
    accept.setDaemon(true);
    accept.start();
  }

  /** A proxy in {@code dir} to the snap engine that goes away after {@code times} requests {@code cue} matches. */
  static EngineProxy goingAwayAfter(Path dir, int times, Predicate<String> cue) throws IOException {
    String host = System.getenv("MIMG_BED_SNAP_HOST");
    return new EngineProxy(dir, Path.of(host.substring("unix://".length())), cue, times);
  }

  /** The proxy's address as a Docker host. */
  String host() {
    return "unix://" + socket;
  }

  /** True once the proxy went away. */
  boolean gone() {
    return gone;
  }

  private void serve() {
    while (server.isOpen()) {
      try {
        SocketChannel client = server.accept();
        if (gone) {
          client.close();
          continue;
        }
        Thread pump = new Thread(() -> forward(client), "engine-proxy-conn");
        pump.setDaemon(true);
        pump.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void forward(SocketChannel client) {
    try (client; SocketChannel upstream = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      upstream.connect(UnixDomainSocketAddress.of(engine));
      ByteBuffer head = readHead(client);
      String requestLine = StandardCharsets.ISO_8859_1.decode(head.duplicate()).toString().lines().findFirst().orElse("");
      boolean last = cue.test(requestLine) && left.decrementAndGet() == 0;
      while (head.hasRemaining()) {
        upstream.write(head);
      }
      Thread requestBody = new Thread(() -> pump(client, upstream), "engine-proxy-body");
      requestBody.setDaemon(true);
      requestBody.start();
      pump(upstream, client);
      if (last) {
        gone = true;
        server.close();
      }
    } catch (IOException broken) {
      // the client or the engine hung up
    }
  }

  /** The request head, read byte by byte up to its blank line (channels, not streams: reads and writes overlap). */
  private static ByteBuffer readHead(SocketChannel in) throws IOException {
    ByteBuffer one = ByteBuffer.allocate(1);
    java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      one.clear();
      if (in.read(one) < 0) {
        break;
      }
      head.write(one.get(0));
    }
    return ByteBuffer.wrap(head.toByteArray());
  }

  private static void pump(SocketChannel from, SocketChannel to) {
    ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    try {
      while (from.read(buffer) >= 0) {
        buffer.flip();
        while (buffer.hasRemaining()) {
          to.write(buffer);
        }
        buffer.clear();
      }
      to.shutdownOutput();
    } catch (IOException closed) {
      // one side hung up
    }
  }

  @Override
  public void close() throws IOException {
    gone = true;
    server.close();
    Files.deleteIfExists(socket);
  }
}
