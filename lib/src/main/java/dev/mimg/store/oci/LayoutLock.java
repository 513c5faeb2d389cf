package dev.mimg.store.oci;

import dev.mimg.store.StoreException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The writers' lock of one layout directory: an exclusive {@link FileLock} on {@value #FILE_NAME} keeps other
 * processes out, and one {@link ReentrantLock} per directory keeps other threads of this JVM out (a JVM may hold a
 * file lock only once). Re-entrant for the holding thread. The lock file is never deleted.
 */
final class LayoutLock {

  /** The lock file in the layout directory; OCI tools ignore files they do not know there. */
  static final String FILE_NAME = ".mimg.lock";

  private static final ConcurrentMap<Path, ReentrantLock> THREADS = new ConcurrentHashMap<>();

  private final Path file;
  private final ReentrantLock threads;
  private FileChannel channel;

  /** The lock of the layout in {@code directory} (a real path, so that aliases share one lock). */
  LayoutLock(Path directory) {
    this.file = directory.resolve(FILE_NAME);
    this.threads = THREADS.computeIfAbsent(directory, d -> new ReentrantLock());
  }

  /** Runs {@code action} holding the lock, waiting for other threads and processes to release it first. */
  <T> T hold(Supplier<T> action) {
    threads.lock();
    try {
      boolean outermost = threads.getHoldCount() == 1;
      if (outermost) {
        acquireFileLock();
      }
      try {
        return action.get();
      } finally {
        if (outermost) {
          releaseFileLock();
        }
      }
    } finally {
      threads.unlock();
    }
  }

  private void acquireFileLock() {
    try {
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      channel.lock();
    } catch (IOException e) {
      releaseFileLock();
      throw new StoreException("cannot lock the OCI layout " + file.getParent() + ": " + e.getMessage(), e);
    }
  }

  private void releaseFileLock() {
    try {
      if (channel != null) {
        channel.close();
      }
    } catch (IOException ignored) {
      // closing releases the lock; nothing more can be done if the close itself fails
    } finally {
      channel = null;
    }
  }
}
