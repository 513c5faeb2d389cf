package dev.mimg.registry;

import dev.mimg.model.ChunkReadingStream;
import dev.mimg.model.Timeouts;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A response body that gives up when the server sends nothing for the read timeout while a read waits (the JDK
 * client has no such limit once the headers are in): a watcher closes the body, which ends the blocked read, and
 * the read throws a {@link SocketTimeoutException} whose message is one line naming the server and the transfer.
 */
final class ReadTimeoutStream extends ChunkReadingStream {

  private static final long MAX_CHECK_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final long MIN_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

  private final Timeouts timeouts;
  private final String peer;
  private final String doing;
  private final long limitNanos;
  private ScheduledFuture<?> check;
  private volatile long waitingSince;
  private volatile boolean stalled;
  private long count;

  /**
   * Guards {@code in}; {@code peer} (e.g. "the registry host:port") and {@code doing} ("while fetching ...") name it
   * in the error.
   */
  ReadTimeoutStream(InputStream in, Timeouts timeouts, String peer, String doing) {
    super(in);
    this.timeouts = timeouts;
    this.peer = peer;
    this.doing = doing;
    this.limitNanos = timeouts.read().toNanos();
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (stalled) {
      throw timedOut();
    }
    watch();
    long now = System.nanoTime();
    waitingSince = now == 0 ? 1 : now;
    int n;
    try {
      n = super.read(buffer, offset, length);
    } catch (IOException e) {
      throw stalled ? timedOut() : e;
    } finally {
      waitingSince = 0;
    }
    if (stalled) {
      throw timedOut();
    }
    if (n < 0) {
      unwatch();
    } else {
      count += n;
    }
    return n;
  }

  @Override
  public void close() throws IOException {
    unwatch();
    super.close();
  }

  private synchronized void watch() {
    if (check == null && limitNanos > 0) {
      long period = Math.max(MIN_CHECK_NANOS, Math.min(MAX_CHECK_NANOS, limitNanos / 4));
      check = Watcher.POOL.scheduleWithFixedDelay(this::checkStall, period, period, TimeUnit.NANOSECONDS);
    }
  }

  private synchronized void unwatch() {
    if (check != null) {
      check.cancel(false);
    }
  }

  /** Runs on the watcher thread: a read that has waited longer than the limit has its body closed under it. */
  private void checkStall() {
    long since = waitingSince;
    if (since != 0 && System.nanoTime() - since > limitNanos) {
      stalled = true;
      unwatch();
      try {
        in.close();
      } catch (IOException ignored) {
        // the blocked read ends either way; its caller reports the timeout
      }
    }
  }

  private SocketTimeoutException timedOut() {
    String where = count > 0 ? "after " + count + " bytes " + doing : doing;
    return new SocketTimeoutException(timeouts.readTimedOut(peer, where));
  }

  /** The one watcher thread, started by the first guarded read. */
  private static final class Watcher {
    static final ScheduledExecutorService POOL = pool();

    private static ScheduledExecutorService pool() {
      ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = new Thread(runnable, "mimg-read-timeout");
        thread.setDaemon(true);
        return thread;
      });
      pool.setRemoveOnCancelPolicy(true);
      return pool;
    }
  }
}
