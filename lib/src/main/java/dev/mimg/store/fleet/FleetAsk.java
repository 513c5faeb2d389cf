package dev.mimg.store.fleet;

import dev.mimg.model.Timeouts;
import dev.mimg.store.BoundedParallel;
import dev.mimg.store.ImageStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Asks every member of a fleet the same question at once: at most {@code parallelism} members at a time, each given
 * {@code timeout} from the moment it starts; a member that fails or runs out of time gives a one-line failure and
 * frees its slot at once (a hung member never holds up the others, its thread is interrupted and left behind).
 */
final class FleetAsk {

  private FleetAsk() {
  }

  /** One member's answer: its value, or why it has none. */
  record Answer<R>(FleetStore.Member member, R value, String failure) {

    boolean answered() {
      return failure == null;
    }
  }

  /** The answers in the members' order. */
  static <R> List<Answer<R>> ask(List<FleetStore.Member> members, int parallelism, Duration timeout,
      Function<ImageStore, R> question) {
    Semaphore slots = new Semaphore(Math.max(1, parallelism));
    ScheduledExecutorService alarms = Executors.newSingleThreadScheduledExecutor(daemon("mimg-fleet-timer"));
    List<CompletableFuture<R>> futures = new ArrayList<>();
    try {
      for (FleetStore.Member member : members) {
        CompletableFuture<R> answer = new CompletableFuture<>();
        futures.add(answer);
        Thread worker = daemon("mimg-fleet-" + member.name()).newThread(() -> {
          try {
            slots.acquire();
          } catch (InterruptedException e) {
            answer.completeExceptionally(e);
            return;
          }
          answer.whenComplete((value, failure) -> slots.release());
          Thread self = Thread.currentThread();
          if (timeout.toNanos() > 0) {
            alarms.schedule(() -> {
              if (answer.completeExceptionally(new TimedOut(timeout))) {
                self.interrupt();
              }
            }, timeout.toNanos(), TimeUnit.NANOSECONDS);
          }
          try {
            answer.complete(question.apply(member.store()));
          } catch (RuntimeException | Error e) {
            answer.completeExceptionally(e);
          }
        });
        worker.start();
      }
      List<Answer<R>> answers = new ArrayList<>();
      for (int i = 0; i < members.size(); i++) {
        answers.add(answer(members.get(i), futures.get(i)));
      }
      return answers;
    } finally {
      alarms.shutdownNow();
    }
  }

  private static <R> Answer<R> answer(FleetStore.Member member, CompletableFuture<R> future) {
    try {
      return new Answer<>(member, future.get(), null);
    } catch (ExecutionException e) {
      return new Answer<>(member, null, BoundedParallel.reason(e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer<>(member, null, "interrupted");
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  /** A member that did not answer within its time. */
  static final class TimedOut extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TimedOut(Duration timeout) {
      super("no answer within " + Timeouts.describe(timeout) + " (" + FleetStore.TIMEOUT_ENV + " or --store-timeout "
          + "raises the limit)");
    }
  }
}
