package dev.mimg.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mimg.store.StoreException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The node agent's loop on a fake clock: schedule, failing rounds, --once, and stopping between rounds. */
class AgentTest {

  private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final MutableClock clock = new MutableClock(START);
  private final List<Instant> waits = new ArrayList<>();

  /** A clock the test moves. */
  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }
  }

  /** A pause that jumps the clock to the next start and stops after {@code rounds} waits. */
  private Agent.Pause jumpingPause(int rounds) {
    return (next, stop) -> {
      waits.add(next);
      if (waits.size() >= rounds) {
        return true;
      }
      clock.now = next;
      return false;
    };
  }

  private Agent agent(Agent.Round round, Duration every, Agent.Pause pause) {
    return new Agent(round, every, "dry run", clock, pause, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void onceRunsOneRoundAndExitsWithItsCode() {
    AtomicInteger rounds = new AtomicInteger();
    int code = agent(() -> {
      rounds.incrementAndGet();
      return 3;
    }, null, (next, stop) -> {
      throw new AssertionError("--once never waits");
    }).run();
    assertThat(code).isEqualTo(3);
    assertThat(rounds).hasValue(1);
    assertThat(out.toString()).isEqualTo("2026-12-01T10:00:00Z mimg agent: round 1 (dry run)\n"
        + "2026-12-01T10:00:00Z mimg agent: round 1 done, exit 3\n");
  }

  @Test
  void aFailingRoundIsOneLineAndTheNextRoundStillComes() {
    AtomicInteger rounds = new AtomicInteger();
    int code = agent(() -> {
      if (rounds.incrementAndGet() == 2) {
        throw new StoreException("no containerd socket at /run/containerd/containerd.sock (is containerd running?)");
      }
      clock.advance(Duration.ofSeconds(5));
      return 0;
    }, Duration.ofMinutes(30), jumpingPause(3)).run();
    assertThat(code).isZero();
    assertThat(rounds).hasValue(3);
    assertThat(err.toString()).isEqualTo("2026-12-01T10:30:00Z mimg agent: round 2 failed: no containerd socket at "
        + "/run/containerd/containerd.sock (is containerd running?)\n");
    assertThat(out.toString()).contains("10:00:05Z mimg agent: next round at 2026-12-01T10:30:00Z\n",
        "10:30:00Z mimg agent: next round at 2026-12-01T11:00:00Z\n", "11:00:05Z mimg agent: stopped\n");
  }

  @Test
  void aFailingOnceExitsOne() {
    int code = agent(() -> {
      throw new IllegalArgumentException("no script /policy.groovy");
    }, null, (next, stop) -> false).run();
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).endsWith("round 1 failed: no script /policy.groovy\n");
  }

  @Test
  void startsStayOnTheGridAndARoundThatOverranSkipsTheStartsItMissed() {
    Duration every = Duration.ofMinutes(10);
    assertThat(Agent.nextStart(START, START.plusSeconds(1), every)).isEqualTo(START.plus(every));
    assertThat(Agent.nextStart(START, START.plus(every), every)).isEqualTo(START.plus(every.multipliedBy(2)));
    assertThat(Agent.nextStart(START, START.plus(Duration.ofMinutes(35)), every))
        .isEqualTo(START.plus(Duration.ofMinutes(40)));
    agent(() -> {
      clock.advance(Duration.ofMinutes(25));
      return 0;
    }, every, jumpingPause(2)).run();
    assertThat(waits).containsExactly(START.plus(Duration.ofMinutes(30)), START.plus(Duration.ofMinutes(60)));
  }

  @Test
  void aStopDuringARoundEndsTheAgentAfterThatRound() {
    Agent[] self = new Agent[1];
    AtomicInteger rounds = new AtomicInteger();
    self[0] = agent(() -> {
      rounds.incrementAndGet();
      self[0].stop();
      return 0;
    }, Duration.ofHours(1), (next, stop) -> {
      throw new AssertionError("a stopped agent does not wait");
    });
    assertThat(self[0].run()).isZero();
    assertThat(rounds).hasValue(1);
    assertThat(out.toString()).endsWith("round 1 done\n2026-12-01T10:00:00Z mimg agent: stopped\n");
  }

  @Test
  void theRealPauseEndsAtOnceOnStopAndStopAndWaitWaitsForTheRunToEnd() throws Exception {
    Clock real = Clock.systemUTC();
    CountDownLatch inPause = new CountDownLatch(1);
    Agent.Pause sleeping = Agent.sleeping(real);
    Agent agent = new Agent(() -> 0, Duration.ofHours(1), "dry run", real, (next, stop) -> {
      inPause.countDown();
      return sleeping.until(next, stop);
    }, new PrintWriter(out), new PrintWriter(err));
    AtomicInteger code = new AtomicInteger(-1);
    Thread loop = new Thread(() -> code.set(agent.run()));
    loop.start();
    assertThat(inPause.await(10, TimeUnit.SECONDS)).isTrue();
    long t0 = System.nanoTime();
    assertThat(agent.stopAndWait(Duration.ofSeconds(10))).isZero();
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    loop.join(1000);
    assertThat(code).hasValue(0);
    assertThat(out.toString()).endsWith("mimg agent: stopped\n");
  }

  @Test
  void aPeriodOfZeroIsRefused() {
    assertThatThrownBy(() -> agent(() -> 0, Duration.ZERO, (next, stop) -> true))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("--every must be longer than 0, e.g. 30m or 6h");
  }
}
