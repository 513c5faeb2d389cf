package dev.mimg.shell;

import dev.mimg.frontend.CommandLines;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The node agent's schedule: a round now, then one at every multiple of the period after the start (rounds that
 * overran skip the starts they missed), until {@link #stop} between rounds. Every round is announced with a
 * timestamp; a round that throws is one line on the error stream and the next round still comes. With no period
 * ({@code --once}) the one round's exit code is the agent's.
 */
public final class Agent {

  /** One round: runs the policy once and returns its exit code; a throw is a failed round. */
  @FunctionalInterface
  public interface Round {
    /** Runs the round. */
    int run();
  }

  /** Waits until {@code next} unless {@code stop} comes first; true when it was stopped. */
  @FunctionalInterface
  public interface Pause {
    /** Waits. */
    boolean until(Instant next, CountDownLatch stop) throws InterruptedException;
  }

  private final Round round;
  private final Duration every;
  private final String mode;
  private final Clock clock;
  private final Pause pause;
  private final PrintWriter out;
  private final PrintWriter err;
  private final CountDownLatch stop = new CountDownLatch(1);
  private final CountDownLatch ended = new CountDownLatch(1);
  private volatile int result = CommandLines.OK;

  /**
   * An agent running {@code round} every {@code every} (null: once), announcing each round with {@code mode}
   * (e.g. "dry run"); {@code clock} and {@code pause} are the seams of time.
   */
  public Agent(Round round, Duration every, String mode, Clock clock, Pause pause, PrintWriter out,
      PrintWriter err) {
    if (every != null && (every.isZero() || every.isNegative())) {
      throw new IllegalArgumentException("--every must be longer than 0, e.g. 30m or 6h");
    }
    this.round = round;
    this.every = every;
    this.mode = mode;
    this.clock = clock;
    this.pause = pause;
    this.out = out;
    this.err = err;
  }

  /** The real pause: waits on the stop signal for the time left until {@code next}. */
  public static Pause sleeping(Clock clock) {
    return (next, stop) -> {
      long nanos = Math.max(0, Duration.between(clock.instant(), next).toNanos());
      return stop.await(nanos, TimeUnit.NANOSECONDS);
    };
  }

  /** Runs the rounds; returns the round's exit code with no period, else 0 once stopped. */
  public int run() {
    try {
      result = rounds();
      return result;
    } finally {
      ended.countDown();
    }
  }

  private int rounds() {
    try {
      Instant start = clock.instant();
      for (long number = 1; ; number++) {
        int code = round(number);
        if (every == null) {
          return code;
        }
        Instant next = nextStart(start, clock.instant(), every);
        if (stop.getCount() == 0) {
          return stopped();
        }
        say("next round at " + stamp(next));
        if (pause.until(next, stop)) {
          return stopped();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return stopped();
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** Asks the agent to stop: at once while it waits, after the round in progress otherwise. */
  public void stop() {
    stop.countDown();
  }

  /**
   * {@link #stop}, then waits up to {@code max} for the round in progress to end (a shutdown hook's part); returns
   * the agent's exit code, or -1 when it had not ended by then.
   */
  public int stopAndWait(Duration max) {
    stop();
    try {
      return ended.await(max.toMillis(), TimeUnit.MILLISECONDS) ? result : -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** The first start after {@code now} among {@code start + k * every}. */
  static Instant nextStart(Instant start, Instant now, Duration every) {
    long periods = now.isBefore(start) ? 0 : Duration.between(start, now).dividedBy(every) + 1;
    return start.plus(every.multipliedBy(periods));
  }

  private int round(long number) {
    say("round " + number + " (" + mode + ")");
    try {
      int code = round.run();
      say("round " + number + " done" + (code == CommandLines.OK ? "" : ", exit " + code));
      return code;
    } catch (RuntimeException e) {
      out.flush();
      err.println(stamp(clock.instant()) + " mimg agent: round " + number + " failed: "
          + CommandLines.describe(e));
      err.flush();
      return CommandLines.FAILED;
    }
  }

  private int stopped() {
    say("stopped");
    return CommandLines.OK;
  }

  private void say(String what) {
    out.println(stamp(clock.instant()) + " mimg agent: " + what);
    out.flush();
  }

  private static String stamp(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
