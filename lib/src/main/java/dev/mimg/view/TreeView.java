package dev.mimg.view;

import dev.mimg.model.HumanSize;
import dev.mimg.model.Image;
import dev.mimg.model.Selection;
import dev.mimg.model.RemoteSizes;
import dev.mimg.model.Variant;
import dev.mimg.render.TabWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * The tree listing in the seed's ID-first layout: one block per image name, the image row, then one child row per
 * variant ({@code \_ 3d426b0bfc36  \_ linux/amd64}). SIZE is content, DISK USAGE content + unpacked; EXTRA marks
 * {@code U} (in use), {@code missing} and {@code attestation}. Missing variants and attestations only with --all.
 */
public final class TreeView {

  private static final String HEADER =
      "IMAGE ID\tREPOSITORY\tTAG\tCREATED\tPLATFORMS\tSIZE\tDISK USAGE\tCONTAINERS\tEXTRA";
  private static final String CHILD = "\\_ ";

  private TreeView() {
  }

  /** Renders the images with every name and variant. */
  public static String render(List<Image> images, ListingOptions options) {
    return render(images, Selection.ALL, options, RemoteSizes.NOT_ASKED);
  }

  /**
   * Renders the selected names and variants of the images (e.g. only the platforms asked for), with the
   * registry's totals when asked: {@code present / total}, missing variants {@code 0B / size}.
   */
  public static String render(List<Image> images, Selection selection, ListingOptions options, RemoteSizes remote) {
    BiPredicate<Image, Variant> shown = selection.variants();
    List<String> lines = new ArrayList<>();
    boolean fleet = ImageRows.spansStores(images);
    lines.add(fleet ? "STORE\t" + HEADER : HEADER);
    for (ImageRows.Named named : ImageRows.named(images, selection.names())) {
      Image image = named.image();
      lines.add((fleet ? image.store() + "\t" : "") + String.join("\t", ImageRows.id(image, options.noTrunc()),
          named.name().repository(),
          named.name().tag(), ImageRows.createdSince(image, options.now()), ImageRows.count(image),
          SizeText.image(image, remote), HumanSize.format(image.diskUsage()),
          String.valueOf(image.containers().size()), image.containers().isEmpty() ? "" : "U"));
      for (Variant variant : image.variants()) {
        if (shown.test(image, variant) && (options.all() || variant.isPresent())) {
          lines.add((fleet ? "\t" : "") + variantLine(image, variant, options.noTrunc(), remote));
        }
      }
    }
    return TabWriter.format(lines);
  }

  private static String variantLine(Image image, Variant variant, boolean noTrunc, RemoteSizes remote) {
    String id = noTrunc ? variant.digest().toString() : variant.shortId();
    String created = variant.isPresent() ? "" : "-";
    return String.join("\t", CHILD + id, CHILD + variant.platform(), "", created, "",
        SizeText.variant(image, variant, remote),
        HumanSize.format(variant.available() ? variant.diskUsage() : 0),
        String.valueOf(variant.containers().size()), extra(variant));
  }

  private static String extra(Variant variant) {
    if (!variant.isImage()) {
      return variant.kind() == Variant.Kind.ATTESTATION ? "attestation" : "unknown";
    }
    if (!variant.available()) {
      return "missing";
    }
    return variant.inUse() ? "U" : "";
  }
}
