package dev.mimg.cli;

import dev.mimg.frontend.Command;
import dev.mimg.frontend.CommandLines;
import dev.mimg.frontend.Invocation;
import dev.mimg.frontend.StoreOptions;
import dev.mimg.query.Filters;
import dev.mimg.query.Listing;
import dev.mimg.query.Mimg;
import dev.mimg.render.Terminal;
import dev.mimg.store.ImageStore;
import dev.mimg.view.ListingOptions;
import dev.mimg.view.ListingOptions.Switch;
import dev.mimg.view.Listings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@code mimg ls}: images with their platforms, flat or as a tree of variants. */
final class LsCommand {

  static final Command SPEC = Command.named("ls").aliases("list", "images")
      .describe("List images with the platforms they hold.")
      .flag("--tree", "Show each image's variants (platforms) below it.")
      .flag("-a", "--all", "With --tree: also missing variants and attestation manifests.")
      .list("PLATFORM", null, "--platform",
          "Only images with this platform present (repeatable); the tree shows only its variants.")
      .list("KEY=VALUE", null, "-f", "--filter", "Filter: platform=P, reference=GLOB (selects names), "
          + "dangling=true|false, shallow=true|false, label=KEY[=VALUE], until=DURATION|TIMESTAMP (repeatable; "
          + "repeated references are any-of).")
      .flag("--counts", "PLATFORMS as present/total (3/7); complete images marked 'all'.")
      .flag("--digests", "Show digests.")
      .flag("-q", "--quiet", "Only show image ids.")
      .flag("--no-trunc", "Do not truncate ids or the PLATFORMS column.")
      .value("FORMAT", "--format",
          "table (default), json, or a Go template: '{{.Repository}}:{{.Tag}} {{.Platforms}}', 'table ...'.")
      .flag("--remote",
          "Ask the registry for the missing platforms' sizes (manifests only): SIZE as present / total.")
      .action(LsCommand::run);

  private LsCommand() {
  }

  static int run(Invocation in) {
    StoreOptions stores = new StoreOptions(in);
    List<String> filters = in.values("--filter");
    List<String> platforms = in.values("--platform");
    try (ImageStore store = stores.open(in.err())) {
      Listing listing = Filters.apply(Mimg.images(store), filters, Filters.LIST_KEYS, Instant.now())
          .platform(platforms.toArray(String[]::new)).listing();
      listing = in.flag("--remote") && !in.flag("--quiet") ? listing.withRemoteSizes() : listing;
      ListingOptions options = ListingOptions.defaults().format(in.value("--format"))
          .with(Switch.TREE, in.flag("--tree")).with(Switch.QUIET, in.flag("--quiet"))
          .with(Switch.NO_TRUNC, in.flag("--no-trunc")).with(Switch.DIGESTS, in.flag("--digests"))
          .with(Switch.COUNTS, in.flag("--counts")).with(Switch.ALL, in.flag("--all"))
          .width(Terminal.isTty() ? Terminal.width() : 0);
      in.out().print(Listings.render(listing.images(), listing.selection(), options, listing.remote()));
      in.out().flush();
      List<String> notices = new ArrayList<>(store.notices());
      notices.addAll(listing.remoteNotices());
      if (listing.images().isEmpty() && filters.isEmpty() && platforms.isEmpty() && stores.openedUserLayout()) {
        notices.add(FirstRun.hint());
      }
      for (String notice : notices) {
        in.err().println("mimg: notice: " + notice);
      }
      return StoreOptions.exitCode(store, CommandLines.OK);
    }
  }
}
