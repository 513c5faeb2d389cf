package dev.mimg.store.oci;

import dev.mimg.model.Descriptor;
import dev.mimg.model.Digest;
import dev.mimg.model.Reference;
import dev.mimg.registry.RegistryClient;
import dev.mimg.store.FailFastTasks;
import dev.mimg.store.PullEvent;
import dev.mimg.store.StoreException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Downloads blobs (configs and layers) from a registry into a layout, {@value #PARALLEL} at a time; blobs already
 * present, or already started by this fetcher, are skipped. Each blob is verified by {@link OciLayout#putBlob}
 * before it appears. Other tasks (a manifest fetch that then submits its blobs) may share the downloads' threads.
 * On the first failure the other tasks are cancelled (their temporary files go with them) and that failure is
 * thrown; closing the fetcher cancels what still runs and waits for it.
 */
final class BlobFetcher implements AutoCloseable {

  /** How many downloads run at once. */
  static final int PARALLEL = 4;

  private final RegistryClient registry;
  private final OciLayout layout;
  private final Consumer<PullEvent> progress;
  private final FailFastTasks tasks = new FailFastTasks(PARALLEL, "mimg-blob", "the pull was interrupted");
  private final Set<Digest> started = ConcurrentHashMap.newKeySet();

  /** A fetcher into {@code layout}; {@code progress} is called from the download threads, one call at a time. */
  BlobFetcher(RegistryClient registry, OciLayout layout, Consumer<PullEvent> progress) {
    this.registry = registry;
    this.layout = layout;
    this.progress = event -> {
      synchronized (this) {
        progress.accept(event);
      }
    };
  }

  /** Fetches every blob of {@code blobs} the layout lacks from {@code repository}; returns when all are stored. */
  void fetch(Reference repository, List<Descriptor> blobs) {
    try {
      submit(repository, blobs);
      awaitAll();
    } finally {
      close();
    }
  }

  /** Starts downloading those of {@code blobs} this fetcher has not started yet; returns at once. */
  void submit(Reference repository, List<Descriptor> blobs) {
    for (Descriptor blob : blobs) {
      if (started.add(blob.digest())) {
        run(() -> fetchOne(repository, blob));
      }
    }
  }

  /** Runs {@code task} on the downloads' threads; its failure, like a download's, fails {@link #awaitAll}. */
  void run(Runnable task) {
    tasks.run(task);
  }

  /**
   * Waits until every task submitted so far has ended, including those submitted meanwhile by the tasks
   * themselves, whichever ends first, so the first failure stops the others at once (one thread waits).
   */
  void awaitAll() {
    tasks.awaitAll();
  }

  /** Cancels what still runs and waits for it, so no download writes on after the fetch has returned. */
  @Override
  public void close() {
    tasks.close();
  }

  private void fetchOne(Reference repository, Descriptor blob) {
    String id = blob.digest().shortId();
    if (layout.hasBlob(blob.digest())) {
      progress.accept(new PullEvent(id, "Already exists", 0, 0));
      return;
    }
    progress.accept(new PullEvent(id, "Pulling fs layer", 0, 0));
    String subject = repository.familiarName() + "@" + blob.digest();
    ProgressStream in = new ProgressStream(registry.blobVerifiedByCaller(repository, blob), id, blob.size(), progress);
    try (in) {
      layout.putBlob(blob.digest(), blob.size(), in);
    } catch (StoreException e) {
      // the layout checked digest and size while storing: say where the content came from
      throw new StoreException(in.failure() == null ? "cannot pull " + subject + ": " + e.getMessage()
          : downloadFailure(subject, in), e);
    } catch (IOException e) {
      throw new StoreException("cannot pull " + subject + ": " + e.getMessage(), e);
    }
    progress.accept(new PullEvent(id, "Download complete", 0, 0));
  }

  /** One line for a download that failed while reading: a read timeout, the registry's check, or where it broke off. */
  private static String downloadFailure(String subject, ProgressStream in) {
    String message = String.valueOf(in.failure().getMessage()).replaceAll("\\s+", " ").strip();
    if (in.failure() instanceof SocketTimeoutException) {
      return message + "; nothing was stored";  // names the registry, the blob and how far it came
    }
    return "cannot pull " + (message.startsWith(subject) ? message
        : subject + ": the download broke off after " + in.current() + " bytes (" + message + ")")
        + "; nothing was stored";
  }
}
