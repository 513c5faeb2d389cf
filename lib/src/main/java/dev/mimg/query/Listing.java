package dev.mimg.query;

import dev.mimg.model.Image;
import dev.mimg.model.RemoteSizes;
import dev.mimg.model.Selection;
import dev.mimg.store.registry.MissingVariantSizes;
import java.util.List;

/**
 * A query's answer as a listing shows it: the matching images, the names and variants its steps select, and,
 * once asked ({@link #withRemoteSizes()}), the registry's sizes of the missing variants.
 */
public record Listing(List<Image> images, Selection selection, RemoteSizes remote) {

  /** Defensive copy. */
  public Listing {
    images = List.copyOf(images);
  }

  /** The same listing with the registry's sizes of the missing variants (manifests only; cached by digest). */
  public Listing withRemoteSizes() {
    return new Listing(images, selection, MissingVariantSizes.ofUser(images));
  }

  /** The notices of the registry's failures: one line per image whose total size is unknown, and why. */
  public List<String> remoteNotices() {
    List<String> notices = new java.util.ArrayList<>();
    if (!remote.asked()) {
      return notices;
    }
    for (Image image : images) {
      remote.failure(image).ifPresent(reason -> notices.add(MissingVariantSizes.repository(image)
          .map(dev.mimg.model.Reference::familiarString).orElse(image.shortId()) + ": total size unknown: " + reason));
    }
    return notices;
  }
}
