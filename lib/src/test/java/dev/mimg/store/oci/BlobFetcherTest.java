package dev.mimg.store.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mimg.store.StoreException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The fetcher's task pool: tasks that submit more are all awaited, waits come in rounds, a failure is thrown. */
class BlobFetcherTest {

  @Test
  void awaitAllWaitsForTasksSubmittedByTasksAndCanBeCalledAgain() {
    AtomicInteger ran = new AtomicInteger();
    BlobFetcher fetcher = new BlobFetcher(null, null, event -> { });
    try {
      for (int i = 0; i < 3; i++) {
        fetcher.run(() -> {
          fetcher.run(ran::incrementAndGet);
          ran.incrementAndGet();
        });
      }
      fetcher.awaitAll();
      assertThat(ran).hasValue(6);
      fetcher.run(ran::incrementAndGet);
      fetcher.awaitAll();
      assertThat(ran).hasValue(7);
      fetcher.awaitAll();
    } finally {
      fetcher.close();
    }
  }

  @Test
  void aTasksFailureIsThrownAsItWas() {
    BlobFetcher fetcher = new BlobFetcher(null, null, event -> { });
    try {
      fetcher.run(() -> {
        throw new StoreException("cannot pull x: it broke");
      });
      assertThatThrownBy(fetcher::awaitAll).isInstanceOf(StoreException.class).hasMessage("cannot pull x: it broke");
    } finally {
      fetcher.close();
    }
  }
}
