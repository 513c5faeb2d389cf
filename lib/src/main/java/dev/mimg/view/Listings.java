package dev.mimg.view;

import dev.mimg.model.Image;
import dev.mimg.model.RemoteSizes;
import dev.mimg.model.Selection;
import java.util.List;

/** A listing as {@code ls} prints it: the tree (text or JSON) with {@code --tree}, else the flat table or template. */
public final class Listings {

  private Listings() {
  }

  /** The text of the selected images, as the options ask. */
  public static String render(List<Image> images, Selection selection, ListingOptions options, RemoteSizes remote) {
    boolean tree = options.switches().contains(ListingOptions.Switch.TREE);
    if (tree && "json".equals(options.format())) {
      return JsonView.render(images, selection, options.all(), remote);
    }
    if (tree && !options.quiet() && options.format() == null) {
      return TreeView.render(images, selection, options, remote);
    }
    return FlatView.render(images, selection, options, remote);
  }
}
