package dev.mimg.faults;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A TCP server on loopback that accepts every connection and never answers (test code); closing it drops them. */
public final class SilentServer implements AutoCloseable {

  private final ServerSocket server;
  private final List<Socket> accepted = new CopyOnWriteArrayList<>();

  /** Starts on a free loopback port. */
  public SilentServer() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread thread = new Thread(this::accept, "silent-server");
    thread.setDaemon(true);
    thread.start();
  }

  /** {@code 127.0.0.1:PORT}. */
  public String address() {
    return "127.0.0.1:" + server.getLocalPort();
  }

  /** How many connections it accepted. */
  public int connections() {
    return accepted.size();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        accepted.add(server.accept());
      } catch (IOException closed) {
        return;
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : accepted) {
      socket.close();
    }
  }
}
