package dev.mimg.registry;

import dev.mimg.model.Timeouts;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The HTTP clients of one registry client, built on first use: one with the JDK's default TLS context for
 * {@code https}, one for plain {@code http} (loopback or insecure registries) whose TLS context
 * ({@link PlainHttpTls}) refuses all TLS and loads none of it, since building the default context costs a few
 * hundred milliseconds that plain HTTP never needs.
 *
 * <p>Each client's selector thread waits in native code, and a JVM leaving with such a thread waits ~300 ms for
 * it; {@link #close} stops those threads. They are told apart by their thread group: a client's selector thread
 * joins the group of the thread that builds the client, so clients are built on a thread of this object's group.
 */
final class HttpClients {

  private static final long STOP_WAIT_MILLIS = 1000;

  private final Timeouts timeouts;
  private final ProxySelector proxy;
  private final ThreadGroup threads = new ThreadGroup("mimg-http");
  private HttpClient tls;
  private HttpClient plain;

  HttpClients(Timeouts timeouts, ProxySelector proxy) {
    this.timeouts = timeouts;
    this.proxy = proxy;
  }

  /** The timeouts the clients and their requests use. */
  Timeouts timeouts() {
    return timeouts;
  }

  /** The client for {@code uri}'s scheme. */
  synchronized HttpClient forUri(URI uri) {
    if ("https".equalsIgnoreCase(uri.getScheme())) {
      if (tls == null) {
        tls = build(builder());
      }
      return tls;
    }
    if (plain == null) {
      plain = build(builder().sslContext(PlainHttpTls.context()));
    }
    return plain;
  }

  /**
   * Stops the clients' threads (their connections close); call it once their answers are read. A later request
   * builds a new client.
   */
  synchronized void close() {
    tls = null;
    plain = null;
    Thread[] running = new Thread[threads.activeCount() + 4];
    int count = threads.enumerate(running);
    for (int i = 0; i < count; i++) {
      running[i].interrupt(); // a selector thread ends its loop when interrupted, closing its connections
    }
    long deadline = System.currentTimeMillis() + STOP_WAIT_MILLIS;
    try {
      for (int i = 0; i < count; i++) {
        running[i].join(Math.max(1, deadline - System.currentTimeMillis()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** How many threads of the clients still run (for tests: none after {@link #close}). */
  int liveThreads() {
    return threads.activeCount();
  }

  private HttpClient.Builder builder() {
    HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER).proxy(proxy);
    return timeouts.limitsConnect() ? builder.connectTimeout(timeouts.connect()) : builder;
  }

  /** Builds the client on a thread of {@link #threads}, so that its selector thread belongs to that group. */
  private HttpClient build(HttpClient.Builder builder) {
    FutureTask<HttpClient> building = new FutureTask<>(builder::build);
    Thread builderThread = new Thread(threads, building, "mimg-http-build");
    builderThread.setDaemon(true);
    builderThread.start();
    try {
      return building.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException failure ? failure
          : new IllegalStateException("cannot build an HTTP client: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryException("interrupted while starting an HTTP client", e);
    }
  }
}
