package dev.mimg.store;

import dev.mimg.model.ContentPart;
import dev.mimg.model.Digest;
import dev.mimg.model.Image;
import dev.mimg.model.ImageLookup;
import dev.mimg.model.ImageName;
import dev.mimg.model.Json;
import dev.mimg.model.Platform;
import dev.mimg.model.Reference;
import dev.mimg.model.Variant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** Where images live (a Docker engine, an OCI image layout): the small core every backend implements. */
public interface ImageStore extends AutoCloseable {

  /** Every image with all its variants, present and missing. */
  List<Image> images();

  /**
   * The image as the store lists it now (same id), if it is still there: what a mutation re-checks right before
   * it acts (presence, digests, use). Stores override this when they can answer for one image faster than for
   * all; their answer may then carry only some of the image's names.
   */
  default Optional<Image> current(Image image) {
    return images().stream().filter(i -> i.id().equals(image.id())).findFirst();
  }

  /**
   * The stored image {@code reference} names (a tag, a by-digest name, or {@code repo@<id>}), read fresh. Stores
   * override this when they can ask for one repository instead of listing all images; the answer may then carry
   * only some of the image's names.
   */
  default Optional<Image> named(Reference reference) {
    return images().stream().filter(image -> ImageLookup.names(image, reference)).findFirst();
  }

  /** The store's own description of one present variant of an image (for the engine: its inspect object). */
  Json inspect(Image image, Variant variant);

  /**
   * What the store also deletes when it removes {@code variant} of {@code image}, as identities comparable across
   * variants (the engine: the diff ids of its layers, which it deletes even where other variants use them); empty
   * for a store that keeps whatever another variant still uses (an OCI layout).
   */
  default Set<String> removalAlsoTakes(Image image, Variant variant) {
    return Set.of();
  }

  /**
   * What a present variant holds on disk, part by part, so that disk use counts a part shared by variants once;
   * by default the variant's two totals ({@link ContentPart#wholeVariant}).
   */
  default List<ContentPart> contentParts(Image image, Variant variant) {
    return ContentPart.wholeVariant(variant);
  }

  /**
   * Why the store cannot remove some names of {@code image} while keeping the others (a registry that deletes tags
   * only with their manifest), or empty when it can; the planner then keeps those names and says why.
   */
  default Optional<String> untagRefusal(Image image) {
    return Optional.empty();
  }

  /**
   * What removing {@code removals} from {@code images} (the listing it was planned on) also does that the plan's
   * steps do not say (a registry: the new index each image whose platforms go is pushed as, and what its garbage
   * collection frees afterwards), as notices.
   */
  default List<String> planNotices(List<Image> images, List<PlannedRemoval> removals) {
    return List.of();
  }

  /**
   * The bytes the content of these images holds, each piece counted once (by default, each distinct present
   * variant's disk usage): what a removal measures before and after.
   */
  default long contentBytes(List<Image> images) {
    Map<Digest, Long> distinct = new HashMap<>();
    images.stream().flatMap(image -> image.present().stream())
        .forEach(variant -> distinct.put(variant.digest(), variant.diskUsage()));
    return distinct.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * True when removing platforms gives an image a new id (a registry pushes a new index), so a removal measures
   * the whole store rather than the images it touched.
   */
  default boolean rewritesImages() {
    return false;
  }

  /** Names of the containers the store knows, by id (empty where the store has no containers). */
  Map<String, String> containerNames();

  /**
   * Removes the content of these variants from the image called {@code name} (a tag, digest reference or id);
   * every image sharing a variant loses it too. The caller has applied mimg's rules (in use, shared) already.
   */
  void removeVariants(String name, List<Variant> variants);

  /**
   * Removes these names of an image; its content stays. Another name must still hold it (removing every name is
   * {@link #removeImage}); names the store cannot remove without taking others are refused before any change.
   */
  void untag(Image image, List<ImageName> names);

  /** Removes a whole image: every name that points at it and the content no other image uses. */
  void removeImage(Image image);

  /**
   * Fetches the image a reference names (tag or digest) into the store: one platform, or the store's default
   * (the host's) when {@code platform} is null. A tag is resolved anew and moves to what the registry has now.
   */
  void pull(Reference reference, Platform platform, Consumer<PullEvent> progress);

  /**
   * Fetches every platform the index a reference names lists in one go, where the store can do so faster than
   * platform by platform (a layout: all blobs at once); returns false, doing nothing, where it cannot, and the
   * caller then pulls one platform and back-fills the others.
   */
  default boolean pullAll(Reference reference, Consumer<PullEvent> progress) {
    return false;
  }

  /**
   * Fetches one more platform into a stored image from the index it already has (no tag is re-resolved or
   * moved): {@code repository} is where the registry keeps that index.
   */
  void backfill(Image image, Reference repository, Platform platform, Consumer<PullEvent> progress);

  /**
   * Repairs what an interrupted mimg run left behind (on the engine: tags a back-fill guarded), before a change; its
   * notices say what it did. A read-only store repairs nothing.
   */
  default void repair() {
  }

  /** True for a store seen through a dry run: every change is refused (see {@link ReadOnlyStore}). */
  default boolean isReadOnly() {
    return false;
  }

  /** A one-line name of the store for notices, e.g. {@code engine unix:///var/run/docker.sock}. */
  String describe();

  /** Notices the user should see once, e.g. that per-platform detail needs the containerd image store. */
  List<String> notices();

  @Override
  void close();
}
