package dev.mimg.store.docker;

import dev.mimg.model.Timeouts;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The engine's image and container events ({@code GET /events}, streamed on a daemon thread), so that a long-lived
 * session (the shell, a script, a notebook) can answer a listing again from its last one while nothing changed: a
 * {@link #stamp()} taken before a listing still equals the current one only if no event came meanwhile and the
 * stream has been up all along (local unix-socket engines only).
 */
final class EngineWatch implements AutoCloseable {

  private static final String EVENTS = "/events?filters="
      + EngineClient.encode("{\"type\":[\"image\",\"container\"]}");

  private final EngineClient client;
  private final CountDownLatch answered = new CountDownLatch(1);
  private volatile boolean up;
  private volatile long changes;

  private EngineWatch(EngineClient client) {
    this.client = client;
  }

  /** Starts watching the engine {@code client} talks to; null when it is not a local unix socket. */
  static EngineWatch start(EngineClient client, Timeouts timeouts) {
    if (!"unix".equals(client.endpoint().host().getScheme())) {
      return null;
    }
    EngineWatch watch = new EngineWatch(new EngineClient(client.endpoint(), client.api(),
        new Timeouts(timeouts.connect(), Duration.ZERO)));
    Thread thread = new Thread(watch::run, "mimg-engine-events");
    thread.setDaemon(true);
    thread.start();
    return watch;
  }

  /** Waits (at most {@code limit}) until the engine answered the subscription, or it failed. */
  void awaitUp(Duration limit) {
    try {
      answered.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A number that changes with every event; -1 while the stream is not up (nothing may be reused then). */
  long stamp() {
    return up ? changes : -1;
  }

  private void run() {
    try {
      client.watch(EVENTS, () -> {
        up = true;
        answered.countDown();
      }, event -> changes++);
    } catch (RuntimeException ended) {
      // the engine went away or restarted: nothing is reused any more
    } finally {
      up = false;
      changes++;
      answered.countDown();
    }
  }

  @Override
  public void close() {
    up = false;
    changes++;
    client.close();
  }
}
