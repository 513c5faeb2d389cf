package dev.mimg.cli;

import dev.mimg.frontend.CommandLines;
import dev.mimg.query.Filters;
import dev.mimg.query.ImageQuery;
import dev.mimg.query.Listing;
import dev.mimg.query.Mimg;
import dev.mimg.render.Terminal;
import dev.mimg.store.ImageStore;
import dev.mimg.view.FlatView;
import dev.mimg.view.JsonView;
import dev.mimg.view.ListingOptions;
import dev.mimg.view.TreeView;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mimg ls}: images with their platforms, flat or as a tree of variants. */
@Command(name = "ls", aliases = {"list", "images"}, mixinStandardHelpOptions = true,
    description = "List images with the platforms they hold.")
final class LsCommand implements Callable<Integer> {

  @ParentCommand
  MimgCommand parent;

  @Spec
  CommandSpec spec;

  @Option(names = "--tree", description = "Show each image's variants (platforms) below it.")
  boolean tree;

  @Option(names = {"-a", "--all"}, description = "With --tree: also missing variants and attestation manifests.")
  boolean all;

  @Option(names = "--platform", paramLabel = "PLATFORM",
      description = "Only images with this platform present (repeatable); the tree shows only its variants.")
  List<String> platforms = new ArrayList<>();

  @Option(names = {"-f", "--filter"}, paramLabel = "KEY=VALUE",
      description = "Filter: platform=P, reference=GLOB (selects names), dangling=true|false, shallow=true|false, "
          + "label=KEY[=VALUE], until=DURATION|TIMESTAMP (repeatable; repeated references are any-of).")
  List<String> filters = new ArrayList<>();

  @Option(names = "--counts", description = "PLATFORMS as present/total (3/7); complete images marked 'all'.")
  boolean counts;

  @Option(names = "--digests", description = "Show digests.")
  boolean digests;

  @Option(names = {"-q", "--quiet"}, description = "Only show image ids.")
  boolean quiet;

  @Option(names = "--no-trunc", description = "Do not truncate ids or the PLATFORMS column.")
  boolean noTrunc;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "table (default), json, or a Go template: '{{.Repository}}:{{.Tag}} {{.Platforms}}', 'table ...'.")
  String format;

  @Option(names = "--remote",
      description = "Ask the registry for the missing platforms' sizes (manifests only): SIZE as present / total.")
  boolean remote;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (ImageStore store = parent.store.open(err)) {
      ImageQuery query = Filters.apply(Mimg.images(store), filters, Filters.LIST_KEYS, Instant.now())
          .platform(platforms.toArray(String[]::new));
      Listing listing = query.listing();
      if (remote && !quiet) {
        listing = listing.withRemoteSizes();
      }
      ListingOptions options = new ListingOptions(format == null || format.isEmpty() ? null : format, quiet, noTrunc,
          digests, counts, all, Terminal.isTty() ? Terminal.width() : 0, Instant.now());
      out.print(tree && "json".equals(options.format())
          ? JsonView.render(listing.images(), listing.selection(), all, listing.remote())
          : tree && !quiet && options.format() == null
          ? TreeView.render(listing.images(), listing.selection(), options, listing.remote())
          : FlatView.render(listing.images(), listing.selection(), options, listing.remote()));
      out.flush();
      store.notices().forEach(notice -> err.println("mimg: notice: " + notice));
      if (listing.images().isEmpty() && filters.isEmpty() && platforms.isEmpty() && parent.store.openedUserLayout()) {
        err.println("mimg: notice: " + FirstRun.hint());
      }
      listing.remoteNotices().forEach(notice -> err.println("mimg: notice: " + notice));
      return CommandLines.OK;
    }
  }
}
