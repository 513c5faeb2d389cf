package dev.mimg.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A scripted Docker engine on a unix socket (test code): for each connection it reads the request's head, runs
 * the script on the connection's output, and holds the connection open until the engine is closed (a script that
 * writes nothing is an engine that never answers).
 */
public final class UnixEngine implements AutoCloseable {

  /** What the engine does with one connection once the request's head is read. */
  @FunctionalInterface
  public interface Script {
    /** Writes (part of) an answer; returning leaves the connection open. */
    void answer(OutputStream out) throws IOException, InterruptedException;
  }

  private final ServerSocketChannel server;
  private final Path socket;
  private final Script script;
  private final List<SocketChannel> held = new CopyOnWriteArrayList<>();

  private UnixEngine(Path socket, Script script) throws IOException {
    this.socket = socket;
    this.script = script;
    this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    Thread thread = new Thread(this::serve, "unix-engine");
    thread.setDaemon(true);
    thread.start();
  }

  /** An engine that accepts and never answers. */
  public static UnixEngine silent(Path socket) throws IOException {
    return new UnixEngine(socket, out -> { });
  }

  /** An engine that answers every request 200 with {@code body} as application/json. */
  public static UnixEngine answering(Path socket, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n\r\n";
    return new UnixEngine(socket, out -> out.write((head + body).getBytes(StandardCharsets.UTF_8)));
  }

  /** An engine that runs {@code script} for every request. */
  public static UnixEngine scripted(Path socket, Script script) throws IOException {
    return new UnixEngine(socket, script);
  }

  /** {@code unix:///path}. */
  public String host() {
    return "unix://" + socket;
  }

  private void serve() {
    while (server.isOpen()) {
      SocketChannel client;
      try {
        client = server.accept();
      } catch (IOException closed) {
        return;
      }
      held.add(client);
      Thread thread = new Thread(() -> answer(client), "unix-engine-connection");
      thread.setDaemon(true);
      thread.start();
    }
  }

  private void answer(SocketChannel client) {
    try {
      InputStream in = Channels.newInputStream(client);
      StringBuilder head = new StringBuilder();
      while (!head.toString().endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) {
          return;
        }
        head.append((char) b);
      }
      OutputStream out = Channels.newOutputStream(client);
      script.answer(out);
      out.flush();
    } catch (IOException | InterruptedException e) {
      // the client went away or the engine was closed
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (SocketChannel client : held) {
      client.close();
    }
  }
}
