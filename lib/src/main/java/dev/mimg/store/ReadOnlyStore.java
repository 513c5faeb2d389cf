package dev.mimg.store;

import dev.mimg.model.ContentPart;
import dev.mimg.model.Image;
import dev.mimg.model.ImageName;
import dev.mimg.model.Json;
import dev.mimg.model.Platform;
import dev.mimg.model.Reference;
import dev.mimg.model.Variant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** A store seen through a dry run: every read passes through, every change is refused and nothing changes. */
public final class ReadOnlyStore implements ImageStore {

  private final ImageStore store;

  /** Wraps {@code store}. */
  public ReadOnlyStore(ImageStore store) {
    this.store = store;
  }

  @Override
  public List<Image> images() {
    return store.images();
  }

  @Override
  public Optional<Image> current(Image image) {
    return store.current(image);
  }

  @Override
  public Json inspect(Image image, Variant variant) {
    return store.inspect(image, variant);
  }

  @Override
  public Set<String> removalAlsoTakes(Image image, Variant variant) {
    return store.removalAlsoTakes(image, variant);
  }

  @Override
  public List<ContentPart> contentParts(Image image, Variant variant) {
    return store.contentParts(image, variant);
  }

  @Override
  public Optional<String> untagRefusal(Image image) {
    return store.untagRefusal(image);
  }

  @Override
  public List<String> planNotices(List<Image> images, List<PlannedRemoval> removals) {
    return store.planNotices(images, removals);
  }

  @Override
  public long contentBytes(List<Image> images) {
    return store.contentBytes(images);
  }

  @Override
  public boolean rewritesImages() {
    return store.rewritesImages();
  }

  @Override
  public Map<String, String> containerNames() {
    return store.containerNames();
  }

  @Override
  public void removeVariants(String name, List<Variant> variants) {
    throw refused("remove variants of " + name);
  }

  @Override
  public void untag(Image image, List<ImageName> names) {
    throw refused("untag "
        + names.stream().map(ImageName::toString).collect(java.util.stream.Collectors.joining(", ")));
  }

  @Override
  public Optional<Image> named(Reference reference) {
    return store.named(reference);
  }

  @Override
  public boolean isReadOnly() {
    return true;
  }

  @Override
  public void removeImage(Image image) {
    throw refused("remove image " + image.shortId());
  }

  @Override
  public void pull(Reference reference, Platform platform, Consumer<PullEvent> progress) {
    throw refused("pull " + reference.familiarString());
  }

  @Override
  public void backfill(Image image, Reference repository, Platform platform, Consumer<PullEvent> progress) {
    throw refused("pull " + platform + " into " + image.shortId());
  }

  private static StoreException refused(String what) {
    return new StoreException("dry run: refused to " + what + "; nothing changed");
  }

  @Override
  public String describe() {
    return store.describe() + " (dry run)";
  }

  @Override
  public List<String> notices() {
    return store.notices();
  }

  /** Leaves the wrapped store open: whoever opened it closes it. */
  @Override
  public void close() {
  }
}
