package dev.mimg.view;

import dev.mimg.model.HumanSize;
import dev.mimg.model.Image;
import dev.mimg.model.RemoteSizes;
import dev.mimg.model.Variant;
import java.util.OptionalLong;

/**
 * SIZE cells when the registry was asked ({@code ls --remote}): {@code present / total} as the seed proposes
 * ({@code 225kB / 493kB}), {@code present / ?} when the registry failed for the image, the present size alone when
 * the registry was not asked or the image could not be looked up (dangling).
 */
final class SizeText {

  /** The text of an unknown total. */
  static final String UNKNOWN = "?";

  private SizeText() {
  }

  /** An image's SIZE cell. */
  static String image(Image image, RemoteSizes remote) {
    return withTotal(image.contentSize(), remote.total(image), remote.asked() && remote.failure(image).isPresent());
  }

  /** The TotalSize field: the total, or {@code ?} when unknown. */
  static String total(Image image, RemoteSizes remote) {
    OptionalLong total = remote.total(image);
    return total.isPresent() ? HumanSize.format(total.getAsLong()) : UNKNOWN;
  }

  /** A variant row's SIZE cell: a missing variant's as {@code 0B / 48.5kB} when the registry was asked. */
  static String variant(Image image, Variant variant, RemoteSizes remote) {
    long present = variant.available() ? variant.contentSize() : 0;
    if (variant.available() || !variant.isImage()) {
      return HumanSize.format(present);
    }
    return withTotal(present, remote.size(variant), remote.asked() && remote.failure(image).isPresent());
  }

  private static String withTotal(long present, OptionalLong total, boolean failed) {
    String text = HumanSize.format(present);
    if (total.isPresent()) {
      return text + " / " + HumanSize.format(total.getAsLong());
    }
    return failed ? text + " / " + UNKNOWN : text;
  }
}
