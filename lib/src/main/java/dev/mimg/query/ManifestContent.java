package dev.mimg.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mimg.model.ImageManifest;
import dev.mimg.registry.Fetched;
import java.io.IOException;

/** A fetched image manifest's content size: manifest + config + layers, as the stores count a present variant. */
final class ManifestContent {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ManifestContent() {
  }

  /** The parsed image manifest; throws a one-line IllegalArgumentException when it is not one. */
  static ImageManifest parse(Fetched fetched) {
    ImageManifest manifest;
    try {
      manifest = JSON.readValue(fetched.bytes(), ImageManifest.class);
    } catch (IOException e) {
      throw new IllegalArgumentException(fetched.digest() + " is not a valid manifest: "
          + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
    }
    if (manifest == null || manifest.config() == null || manifest.config().digest() == null
        || manifest.layers().stream().anyMatch(layer -> layer.digest() == null)) {
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
