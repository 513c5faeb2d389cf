package dev.mimg.cli;

import dev.mimg.frontend.Command;
import dev.mimg.frontend.CommandLines;
import dev.mimg.frontend.Invocation;
import dev.mimg.frontend.StoreOptions;
import dev.mimg.query.Filters;
import dev.mimg.query.ImageQuery;
import dev.mimg.query.Listing;
import dev.mimg.query.Mimg;
import dev.mimg.render.Terminal;
import dev.mimg.store.ImageStore;
import dev.mimg.view.FlatView;
import dev.mimg.view.JsonView;
import dev.mimg.view.ListingOptions;
import dev.mimg.view.ListingOptions.Switch;
import dev.mimg.view.TreeView;
import java.time.Instant;
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
    boolean tree = in.flag("--tree");
    boolean quiet = in.flag("--quiet");
    boolean all = in.flag("--all");
    try (ImageStore store = stores.open(in.err())) {
      ImageQuery query = Filters.apply(Mimg.images(store), filters, Filters.LIST_KEYS, Instant.now())
          .platform(platforms.toArray(String[]::new));
      Listing listing = query.listing();
      if (in.flag("--remote") && !quiet) {
        listing = listing.withRemoteSizes();
      }
      String format = in.value("--format");
      ListingOptions options = ListingOptions.defaults().format(format).with(Switch.QUIET, quiet)
          .with(Switch.NO_TRUNC, in.flag("--no-trunc")).with(Switch.DIGESTS, in.flag("--digests"))
          .with(Switch.COUNTS, in.flag("--counts")).with(Switch.ALL, all).width(Terminal.isTty() ? Terminal.width()
              : 0);
      in.out().print(tree && "json".equals(options.format())
          ? JsonView.render(listing.images(), listing.selection(), all, listing.remote())
          : tree && !quiet && options.format() == null
          ? TreeView.render(listing.images(), listing.selection(), options, listing.remote())
          : FlatView.render(listing.images(), listing.selection(), options, listing.remote()));
      in.out().flush();
      for (String notice : store.notices()) {
        in.err().println("mimg: notice: " + notice);
      }
      for (String notice : listing.remoteNotices()) {
        in.err().println("mimg: notice: " + notice);
      }
      if (listing.images().isEmpty() && filters.isEmpty() && platforms.isEmpty() && stores.openedUserLayout()) {
        in.err().println("mimg: notice: " + FirstRun.hint());
      }
      return CommandLines.OK;
    }
  }
}
