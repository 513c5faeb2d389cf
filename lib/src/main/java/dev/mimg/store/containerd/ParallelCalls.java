package dev.mimg.store.containerd;

import io.grpc.stub.StreamObserver;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Many asynchronous gRPC calls on one channel at once (at most {@value #IN_FLIGHT} in flight), each answer folded
 * into a value as its messages arrive.
 */
final class ParallelCalls {

  static final int IN_FLIGHT = 64;

  private ParallelCalls() {
  }

  /** Runs {@code work} on a daemon thread of its own (a blocking call that overlaps the others). */
  static <T> CompletableFuture<T> background(Supplier<T> work) {
    return CompletableFuture.supplyAsync(work, task -> {
      Thread thread = new Thread(task, "mimg-containerd");
      thread.setDaemon(true);
      thread.start();
    });
  }

  /** The value of a {@link #background} task; its failure is thrown as it was. */
  static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  /** Folds the messages of one call; {@code done} gives the value once the call completes. */
  interface Fold<M, T> {
    void accept(M message);

    T done();
  }

  /**
   * For each key, starts {@code call} with an observer and folds its messages with a fresh {@code fold}; a key
   * whose call fails maps to a failed future (the caller decides what "not found" means).
   */
  static <K, M, T> Map<K, CompletableFuture<T>> run(Collection<K> keys, BiConsumer<K, StreamObserver<M>> call,
      Function<K, Fold<M, T>> fold) {
    Semaphore slots = new Semaphore(IN_FLIGHT);
    Map<K, CompletableFuture<T>> futures = new LinkedHashMap<>();
    for (K key : keys) {
      if (futures.containsKey(key)) {
        continue;
      }
      CompletableFuture<T> future = new CompletableFuture<>();
      futures.put(key, future);
      slots.acquireUninterruptibly();
      Fold<M, T> folding = fold.apply(key);
      call.accept(key, new StreamObserver<>() {
        @Override
        public void onNext(M message) {
          folding.accept(message);
        }

        @Override
        public void onError(Throwable failure) {
          slots.release();
          future.completeExceptionally(failure);
        }

        @Override
        public void onCompleted() {
          slots.release();
          future.complete(folding.done());
        }
      });
    }
    CompletableFuture.allOf(futures.values().toArray(CompletableFuture[]::new)).exceptionally(failure -> null).join();
    return futures;
  }
}
