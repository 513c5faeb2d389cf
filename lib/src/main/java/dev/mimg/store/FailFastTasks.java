package dev.mimg.store;

import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tasks run a few at a time on daemon threads (downloads, uploads): {@link #awaitAll} returns when every task
 * submitted so far has ended, those the tasks submit themselves included, and throws the first failure as soon as
 * it happens, whichever task it is; {@link #close} cancels what still runs and waits for it, so nothing writes on
 * after the caller has returned.
 */
public final class FailFastTasks implements AutoCloseable {

  private static final long STOP_WAIT_SECONDS = 30;

  private final ExecutorService pool;
  private final CompletionService<Object> tasks;
  private final AtomicInteger submitted = new AtomicInteger();
  private final String interrupted;
  private int ended;

  /** {@code parallelism} threads named {@code threadName}; {@code interrupted} is the error an interrupt gives. */
  public FailFastTasks(int parallelism, String threadName, String interrupted) {
    this.pool = Executors.newFixedThreadPool(parallelism, runnable -> {
      Thread thread = new Thread(runnable, threadName);
      thread.setDaemon(true);
      return thread;
    });
    this.tasks = new ExecutorCompletionService<>(pool);
    this.interrupted = interrupted;
  }

  /** Starts {@code task} (it may submit more); its failure fails {@link #awaitAll}. */
  public void run(Runnable task) {
    submitted.incrementAndGet();
    tasks.submit(task, null);
  }

  /** Waits until every task submitted so far has ended; the first failure is thrown at once. */
  public void awaitAll() {
    while (ended < submitted.get()) {
      try {
        tasks.take().get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StoreException(interrupted);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException failure) {
          throw failure;
        }
        throw new StoreException(String.valueOf(e.getCause().getMessage()), e.getCause());
      }
      ended++;
    }
  }

  /** Cancels what still runs and waits for it. */
  @Override
  public void close() {
    pool.shutdownNow();
    try {
      pool.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
