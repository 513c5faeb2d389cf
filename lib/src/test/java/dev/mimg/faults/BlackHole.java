package dev.mimg.faults;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback port where connecting hangs (test code): a listening socket with a backlog of one that never accepts,
 * its queue filled up front, so the kernel leaves new connection attempts unanswered (Linux does).
 */
public final class BlackHole implements AutoCloseable {

  private final ServerSocket server;
  private final List<Socket> fillers = new ArrayList<>();
  private final boolean hangs;

  /** Listens on a free loopback port and fills its queue. */
  public BlackHole() throws IOException {
    server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    boolean full = false;
    for (int i = 0; i < 8 && !full; i++) {
      full = probe();    // each probe that connected takes a place in the queue
    }
    hangs = full;
  }

  /** True when connection attempts hang (the port is a black hole); tests assume it. */
  public boolean connectHangs() {
    return hangs;
  }

  private boolean probe() {
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(server.getInetAddress(), server.getLocalPort()), 200);
      fillers.add(socket);
      return false;
    } catch (SocketTimeoutException timedOut) {
      closeQuietly(socket);
      return true;
    } catch (IOException e) {
      closeQuietly(socket);
      return false;
    }
  }

  /** {@code 127.0.0.1:PORT}. */
  public String address() {
    return "127.0.0.1:" + server.getLocalPort();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // nothing to release
    }
  }

  @Override
  public void close() throws IOException {
    for (Socket socket : fillers) {
      socket.close();
    }
    server.close();
  }
}
