package dev.mimg.cli;

import dev.mimg.model.HumanSize;
import dev.mimg.render.Terminal;
import dev.mimg.store.PullEvent;
import java.io.PrintWriter;
import java.util.function.Consumer;

/** How {@code pull} shows progress: status lines as the store sends them, byte counts on a terminal only. */
final class PullProgress {

  private PullProgress() {
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
