package dev.mimg.store.oci;

import dev.mimg.model.ChunkReadingStream;
import dev.mimg.store.PullEvent;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Counts the bytes of a blob download, keeps its read failure and reports "Downloading" progress every {@value #STEP}
 * bytes or so.
 */
final class ProgressStream extends ChunkReadingStream {

  private static final long STEP = 256 * 1024;

  private final String id;
  private final long total;
  private final Consumer<PullEvent> progress;
  private long current;
  private long reported;
  private volatile IOException failure;

  /** Wraps {@code in}, a blob of {@code total} bytes shown as {@code id}. */
  ProgressStream(InputStream in, String id, long total, Consumer<PullEvent> progress) {
    super(in);
    this.id = id;
    this.total = total;
    this.progress = progress;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    try {
      int n = super.read(buffer, offset, length);
      counted(n);
      return n;
    } catch (IOException e) {
      failure = e;
      throw e;
    }
  }

  /** The read failure (a broken connection, a size or digest mismatch), or null. */
  IOException failure() {
    return failure;
  }

  /** The bytes read so far. */
  long current() {
    return current;
  }

  private void counted(int n) {
    if (n > 0) {
      current += n;
      if (current - reported >= STEP || current == total) {
        reported = current;
        progress.accept(new PullEvent(id, "Downloading", current, total));
      }
    }
  }
}
