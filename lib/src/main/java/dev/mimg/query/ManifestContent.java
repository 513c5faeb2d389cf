package dev.mimg.query;

import dev.mimg.model.ImageManifest;
import dev.mimg.model.OciDocuments;
import dev.mimg.registry.Fetched;

/** A fetched image manifest's content size: manifest + config + layers, as the stores count a present variant. */
final class ManifestContent {

  private ManifestContent() {
  }

  /** The parsed image manifest; throws a one-line IllegalArgumentException when it is not one. */
  static ImageManifest parse(Fetched fetched) {
    ImageManifest manifest = OciDocuments.manifest(fetched.bytes(), "manifest " + fetched.digest());
    if (manifest.config() == null) {
      throw new IllegalArgumentException(fetched.digest() + " is not an image manifest (" + fetched.mediaType() + ")");
    }
    return manifest;
  }

  /** The content size of the manifest {@code fetched}: its own bytes, its config and its layers. */
  static long size(Fetched fetched) {
    ImageManifest manifest = parse(fetched);
    return manifest.contentSize(fetched.size());
  }
}
