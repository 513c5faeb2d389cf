package dev.mimg.cli;

import dev.mimg.model.HumanSize;
import dev.mimg.render.Terminal;
import dev.mimg.store.PullEvent;
import java.io.PrintWriter;
import java.util.function.Consumer;

/**
 * How {@code pull} and {@code cp} show progress: status lines as the store sends them, byte counts on a terminal
 * only (for cp, blobs copied of all, on stderr, the line cleared at the end).
 */
final class PullProgress {

  private PullProgress() {
  }

  /** cp's blobs copied so far, on a terminal only, one line rewritten in place and cleared when all are done. */
  static Consumer<PullEvent> ofCopy(PrintWriter err) {
    if (!Terminal.isTty()) {
      return event -> { };
    }
    return event -> {
      synchronized (err) {
        boolean last = event.current() >= event.total();
        err.print(last ? "\r" + " ".repeat(60) + "\r" : "\rcopying blobs " + event.status() + ": "
            + HumanSize.format(event.current()) + " / " + HumanSize.format(event.total()) + "   ");
        err.flush();
      }
    };
  }

  /** Layer status lines as the store sends them; byte progress only on a terminal; nothing with -q. */
  static Consumer<PullEvent> to(PrintWriter out, boolean quiet) {
    if (quiet) {
      return event -> { };
    }
    boolean tty = Terminal.isTty();
    return event -> {
      if (event.isProgress()) {
        if (tty) {
          out.print("\r" + event.id() + ": " + event.status() + " " + HumanSize.format(event.current()) + "/"
              + HumanSize.format(event.total()) + "   ");
          out.flush();
        }
        return;
      }
      out.println((tty ? "\r" : "") + (event.id().isEmpty() ? "" : event.id() + ": ") + event.status());
    };
  }
}
