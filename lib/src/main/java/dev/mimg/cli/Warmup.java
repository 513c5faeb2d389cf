package dev.mimg.cli;

import dev.mimg.store.docker.EarlyRequest;
import dev.mimg.store.docker.EngineEndpoint;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Map;

/**
 * Start-up work done on a second core while the command line is read: the JDK's socket machinery (native
 * libraries, selector), which the first request to an engine needs; for an engine listing ({@code ls} on the engine
 * the docker CLI would use, or {@code -H unix://...}), the listing's request itself ({@link EarlyRequest}), so that
 * the engine computes its answer while the rest of the command starts.
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

  /**
   * The Docker host an engine listing goes to when {@code args} is one ({@code ls}, {@code list} or {@code images}
   * on the engine, no other store named, no API version pinned): the {@code -H} value, or "" for the one the docker
   * CLI would use; null when the command is something else.
   */
  static String listingHost(String[] args, Map<String, String> env) {
    if (env.get("MIMG_STORE") != null || env.get("DOCKER_API_VERSION") != null) {
      return null;
    }
    String host = "";
    String command = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.startsWith("--store") && !arg.startsWith("--store-timeout") || arg.startsWith("--context")
          || arg.equals("--all-contexts")) {
        return null;
      } else if ((arg.equals("-H") || arg.equals("--host")) && i + 1 < args.length) {
        host = args[++i];
      } else if (arg.startsWith("--host=")) {
        host = arg.substring("--host=".length());
      } else if (arg.equals("--store-timeout")) {
        i++;
      } else if (command == null && !arg.startsWith("-")) {
        command = arg;
      }
    }
    return "ls".equals(command) || "list".equals(command) || "images".equals(command) ? host : null;
  }

  /** Starts the warm-up on a daemon thread (it never delays the exit). */
  static void start(String[] args) {
    String host = listingHost(args, System.getenv());
    Thread thread = new Thread(host == null ? Warmup::run : () -> early(host), "mimg-warmup");
    thread.setDaemon(true);
    thread.start();
  }

  /** Sends the listing's request to the engine that {@code host} (or, when "", the environment) names. */
  private static void early(String host) {
    try {
      Map<String, String> env = System.getenv();
      EarlyRequest.send(EngineEndpoint.resolve(host.isEmpty() ? null : host, env,
          EngineEndpoint.dockerConfigDir(env)).host(), EarlyRequest.LISTING);
    } catch (RuntimeException ignored) {
      // a warm-up only: the command resolves the engine itself and reports any problem
    }
  }

  private static void run() {
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX); Selector selector = Selector.open()) {
      channel.configureBlocking(false);
    } catch (IOException | RuntimeException ignored) {
      // a warm-up only: the real use reports any failure
    }
  }
}
