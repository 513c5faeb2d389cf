package dev.mimg.store.oci;

import dev.mimg.model.Descriptor;
import dev.mimg.model.ImageManifest;
import dev.mimg.model.JsonObject;
import dev.mimg.model.Variant;

/**
 * One variant as the layout holds it: the domain {@link Variant}, the descriptor that lists it and, when present,
 * its parsed manifest and config (null when the blob is not in the layout).
 */
record LayoutVariant(Variant variant, Descriptor descriptor, ImageManifest manifest, JsonObject config) {
}
