package dev.mimg.cli;

import dev.mimg.model.Image;
import dev.mimg.model.Reference;
import dev.mimg.model.RemoteSizes;
import dev.mimg.query.ImageQuery;
import dev.mimg.query.Mimg;
import dev.mimg.query.ManifestSizeCache;
import dev.mimg.query.RemoteTotals;
import dev.mimg.registry.RegistryClient;
import dev.mimg.render.Terminal;
import dev.mimg.store.ImageStore;
import dev.mimg.view.FlatView;
import dev.mimg.view.JsonView;
import dev.mimg.view.ListingOptions;
import dev.mimg.view.TreeView;
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
      description = "Filter: platform=P, reference=GLOB, dangling=true|false, shallow=true|false (repeatable).")
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
    try (ImageStore store = parent.store()) {
      ImageQuery query = ListFilters.apply(Mimg.images(store), filters).platform(platforms.toArray(String[]::new));
      ListingOptions options = new ListingOptions(format, quiet, noTrunc, digests, counts, all,
          Terminal.isTty() ? Terminal.width() : 0, Instant.now());
      List<Image> images = query.list();
      RemoteSizes sizes = remote && !quiet ? RemoteTotals.fetch(images, RegistryClient.fromEnvironment()::manifest,
          ManifestSizeCache.user())
          : RemoteSizes.NOT_ASKED;
      String text;
      if (tree && "json".equals(format)) {
        text = JsonView.render(images, query.shownVariants(), all, sizes);
      } else if (tree && !quiet && format == null) {
        text = TreeView.render(images, query.shownVariants(), options, sizes);
      } else {
        text = FlatView.render(images, options, sizes);
      }
      spec.commandLine().getOut().print(text);
      spec.commandLine().getOut().flush();
      store.notices().forEach(notice -> spec.commandLine().getErr().println("mimg: notice: " + notice));
      images.forEach(image -> sizes.failure(image).ifPresent(reason -> spec.commandLine().getErr()
          .println("mimg: notice: " + RemoteTotals.repository(image).map(Reference::familiarString).orElse(image.shortId())
              + ": total size unknown: " + reason)));
      return Main.OK;
    }
  }
}
