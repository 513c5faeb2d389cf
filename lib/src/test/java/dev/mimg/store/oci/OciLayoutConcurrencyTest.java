package dev.mimg.store.oci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimg.model.Descriptor;
import dev.mimg.model.Platform;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writers in several threads and several processes name images at the same time: no update is lost. Listings that
 * run while images are removed (reads take no lock) never call the layout corrupt.
 */
class OciLayoutConcurrencyTest {

  private static final int NAMES_EACH = 40;
  private static final int REMOVALS = 60;
  private static final Platform AMD64 = Platform.of("linux", "amd64", "");

  @TempDir
  Path dir;

  @Test
  void threadsAndProcessesNamingConcurrentlyLoseNothing() throws Exception {
    TestLayout test = TestLayout.create(dir);
    Descriptor target = test.image(Platform.of("linux", "amd64", ""), "2024-01-01T00:00:00Z", 10);
    List<Process> processes = new ArrayList<>();
    for (String repository : List.of("example.com/process-a", "example.com/process-b")) {
      processes.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), NamingProcess.class.getName(), dir.toString(), repository,
          String.valueOf(NAMES_EACH), target.digest().toString(), String.valueOf(target.size()))
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
    }
    ExecutorService threads = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> running = new ArrayList<>();
    for (String repository : List.of("example.com/thread-a", "example.com/thread-b")) {
      // a layout object of its own per thread, as two stores in one JVM would have
      OciLayout own = OciLayout.open(dir);
      running.add(threads.submit(() -> {
        start.await();
        NamingProcess.nameMany(own, repository, NAMES_EACH, target);
        return null;
      }));
    }
    start.countDown();
    for (Future<?> thread : running) {
      thread.get(60, TimeUnit.SECONDS);
    }
    threads.shutdown();
    for (Process process : processes) {
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).isZero();
    }
    List<String> names = test.layout.index().manifests().stream()
        .map(d -> d.annotations().get(OciLayout.REF_NAME_ANNOTATION)).toList();
    assertThat(names).hasSize(4 * NAMES_EACH).doesNotHaveDuplicates();
    for (String repository : List.of("process-a", "process-b", "thread-a", "thread-b")) {
      assertThat(names).filteredOn(n -> n.startsWith("example.com/" + repository + ":")).hasSize(NAMES_EACH);
    }
  }

  @Test
  void listingWhileImagesAreRemovedNeverCallsTheLayoutCorrupt() throws Exception {
    TestLayout test = TestLayout.create(dir);
    test.entry("example.com/stays:1", test.image(AMD64, "2024-01-01T00:00:00Z", 10));
    AtomicBoolean removing = new AtomicBoolean(true);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    Future<?> remover = threads.submit(() -> {
      try {
        OciLayoutStore store = new OciLayoutStore(OciLayout.open(dir), AMD64);
        for (int i = 0; i < REMOVALS; i++) {
          Descriptor index = test.index(test.image(AMD64, "2024-01-01T00:00:00Z", 20 + i),
              test.image(Platform.of("linux", "arm64", "v8"), "2024-01-01T00:00:00Z", 20 + i));
          test.entry("example.com/goes:" + i, index);
          store.removeImage(store.images().stream().filter(image -> image.id().equals(index.digest())).findFirst()
              .orElseThrow());
        }
      } finally {
        removing.set(false);
      }
      return null;
    });
    Future<Integer> reader = threads.submit(() -> {
      OciLayoutStore store = new OciLayoutStore(OciLayout.open(dir), AMD64);
      int listings = 0;
      while (removing.get()) {
        assertThat(store.images()).isNotEmpty();
        listings++;
      }
      return listings;
    });
    remover.get(60, TimeUnit.SECONDS);
    assertThat(reader.get(60, TimeUnit.SECONDS)).isPositive();
    threads.shutdown();
    assertThat(test.layout.index().manifests()).hasSize(1);
    assertThat(test.layout.gc()).as("every removal collected its content").isZero();
  }
}
