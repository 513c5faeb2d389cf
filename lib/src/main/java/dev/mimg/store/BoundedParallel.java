package dev.mimg.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/** Runs one task per item on at most {@code parallelism} daemon threads and waits for all of them. */
public final class BoundedParallel {

  /** How many requests are in flight at once by default. */
  public static final int DEFAULT_PARALLELISM = 16;

  private BoundedParallel() {
  }

  /** Each distinct item's completed future (done normally or exceptionally), in the items' order. */
  public static <T, R> Map<T, CompletableFuture<R>> run(Collection<T> items, int parallelism, Function<T, R> task) {
    List<T> distinct = new ArrayList<>(new LinkedHashSet<>(items));
    List<CompletableFuture<R>> done = each(distinct, parallelism, task);
    Map<T, CompletableFuture<R>> futures = new LinkedHashMap<>();
    for (int i = 0; i < distinct.size(); i++) {
      futures.put(distinct.get(i), done.get(i));
    }
    return futures;
  }

  /**
   * Each item's completed future, by position: for items that need not be told apart by {@code equals} (no hashing
   * of records, whose first {@code hashCode} costs a cold JVM milliseconds).
   */
  public static <T, R> List<CompletableFuture<R>> each(List<T> items, int parallelism,
      Function<T, R> task) {
    List<CompletableFuture<R>> futures = new ArrayList<>(items.size());
    if (items.isEmpty()) {
      return futures;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, items.size())), runnable -> {
      Thread thread = new Thread(runnable, "mimg-parallel");
      thread.setDaemon(true);
      return thread;
    });
    try {
      items.forEach(item -> futures.add(CompletableFuture.supplyAsync(() -> task.apply(item), pool)));
      CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).exceptionally(failure -> null).join();
      return futures;
    } finally {
      pool.shutdownNow();
    }
  }

  /** The value of a completed future; its failure rethrown as it was thrown (not wrapped). */
  public static <R> R join(CompletableFuture<R> future) {
    try {
      return future.join();
    } catch (java.util.concurrent.CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  /** The one-line reason a future failed. */
  public static String reason(Throwable failure) {
    Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
        ? failure.getCause() : failure;
    String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return message.lines().findFirst().orElse("").strip();
  }
}
