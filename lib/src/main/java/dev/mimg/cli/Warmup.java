package dev.mimg.cli;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * Start-up work done on a second core while the command line is read: the JDK's socket machinery (native
 * libraries, selector), which the first request to an engine needs. Nothing is connected, read or sent.
 */
final class Warmup {

  private Warmup() {
  }

  /**
   * True when the command will likely talk to an engine: not for an OCI layout ({@code --store oci:},
   * {@code MIMG_STORE=oci:}), nor for help, version or completion (measured: the warm-up saves ~7 ms of an engine
   * listing and costs ~8 ms of a layout one, on two cores).
   */
  static boolean helps(String[] args, String storeFromEnvironment) {
    if (storeFromEnvironment != null && storeFromEnvironment.startsWith("oci:")) {
      return false;
    }
    for (String arg : args) {
      if (arg.startsWith("oci:") || arg.startsWith("--store=oci:") || arg.equals("--version") || arg.equals("-V")
          || arg.equals("--help") || arg.equals("-h") || arg.equals("completion")) {
        return false;
      }
    }
    return args.length > 0;
  }

  /** Starts the warm-up on a daemon thread (it never delays the exit). */
  static void start() {
    Thread thread = new Thread(Warmup::run, "mimg-warmup");
    thread.setDaemon(true);
    thread.start();
  }

  private static void run() {
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX); Selector selector = Selector.open()) {
      channel.configureBlocking(false);
    } catch (IOException | RuntimeException ignored) {
      // a warm-up only: the real use reports any failure
    }
  }
}
