package dev.mimg.cli;

import dev.mimg.frontend.Command;
import dev.mimg.frontend.CommandLines;
import dev.mimg.frontend.Invocation;
import dev.mimg.frontend.StoreOptions;
import dev.mimg.model.DiskUse;
import dev.mimg.query.Filters;
import dev.mimg.query.ImageQuery;
import dev.mimg.query.Mimg;
import dev.mimg.render.Terminal;
import dev.mimg.store.ImageStore;
import dev.mimg.view.DiskUseView;
import java.time.Instant;
import java.util.Locale;

/** {@code mimg df}: disk use by platform, repository or image, each part of content counted once. */
final class DfCommand {

  static final Command SPEC = Command.named("df")
      .describe("Show disk use by platform (default), repository or image; shared content counted once.")
      .value("BY", "--by", "platform (default), repository or image.")
      .list("PLATFORM", null, "--platform", "Only these platforms' variants (repeatable).")
      .list("KEY=VALUE", null, "-f", "--filter", "Filter as for ls: platform=P, reference=GLOB, dangling=, "
          + "shallow=, label=, until= (repeatable).")
      .value("FORMAT", "--format", "table (default), json (sizes in bytes), or a Go template: '{{.Platform}} "
          + "{{.DiskUsage}}'.")
      .flag("--remote", "Ask the registry for the missing variants' sizes: what completing each row would cost.")
      .action(DfCommand::run);

  private DfCommand() {
  }

  static int run(Invocation in) {
    DiskUse.By by = in.value("--by") == null ? DiskUse.By.PLATFORM : DiskUse.By.parse(in.value("--by"));
    try (ImageStore store = new StoreOptions(in).open(in.err())) {
      ImageQuery query = Filters.apply(Mimg.images(store), in.values("--filter"), Filters.LIST_KEYS, Instant.now())
          .platform(in.values("--platform").toArray(String[]::new));
      DiskUse use = in.flag("--remote") ? query.diskUseWithRemoteSizes(by) : query.diskUse(by);
      in.out().print(DiskUseView.render(use, in.value("--format"), Terminal.isTty(), unicodeTerminal()));
      in.out().flush();
      store.notices().forEach(notice -> in.err().println("mimg: notice: " + notice));
      return StoreOptions.exitCode(store, CommandLines.OK);
    }
  }

  /** True when the locale says the terminal takes UTF-8 (block-character bars), else '#' bars. */
  private static boolean unicodeTerminal() {
    for (String name : new String[] {"LC_ALL", "LC_CTYPE", "LANG"}) {
      String value = System.getenv(name);
      if (value != null && !value.isEmpty()) {
        return value.toUpperCase(Locale.ROOT).replace("-", "").contains("UTF8");
      }
    }
    return false;
  }
}
