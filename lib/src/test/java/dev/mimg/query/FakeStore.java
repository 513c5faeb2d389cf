package dev.mimg.query;

import dev.mimg.model.Image;
import dev.mimg.model.Json;
import dev.mimg.model.Variant;
import dev.mimg.store.ImageStore;
import java.util.List;

/** An in-memory, read-only store (mutations throw) that counts how often it is asked for its images. */
public class FakeStore implements ImageStore {

  private final List<Image> images;
  int calls;

  private final java.util.Map<dev.mimg.model.Digest, List<dev.mimg.model.ContentPart>> parts;

  public FakeStore(List<Image> images) {
    this(images, java.util.Map.of());
  }

  /** A store whose variants hold these parts (the rest their two totals). */
  public FakeStore(List<Image> images, java.util.Map<dev.mimg.model.Digest, List<dev.mimg.model.ContentPart>> parts) {
    this.images = List.copyOf(images);
    this.parts = java.util.Map.copyOf(parts);
  }

  @Override
  public List<dev.mimg.model.ContentPart> contentParts(Image image, Variant variant) {
    return parts.getOrDefault(variant.digest(), dev.mimg.model.ContentPart.wholeVariant(variant));
  }

  @Override
  public List<Image> images() {
    calls++;
    return images;
  }

  @Override
  public Json inspect(Image image, Variant variant) {
    throw new UnsupportedOperationException();
  }

  @Override
  public String describe() {
    return "fake";
  }

  @Override
  public List<String> notices() {
    return List.of();
  }

  @Override
  public java.util.Map<String, String> containerNames() {
    return java.util.Map.of();
  }

  @Override
  public void pull(dev.mimg.model.Reference reference, dev.mimg.model.Platform platform,
      java.util.function.Consumer<dev.mimg.store.PullEvent> progress) {
    throw new UnsupportedOperationException("the fake store is read-only");
  }

  @Override
  public void backfill(Image image, dev.mimg.model.Reference repository, dev.mimg.model.Platform platform,
      java.util.function.Consumer<dev.mimg.store.PullEvent> progress) {
    throw new UnsupportedOperationException("the fake store is read-only");
  }

  @Override
  public void untag(Image image, List<dev.mimg.model.ImageName> names) {
    throw new UnsupportedOperationException("the fake store is read-only");
  }

  @Override
  public void removeImage(Image image) {
    throw new UnsupportedOperationException("the fake store is read-only");
  }

  @Override
  public void removeVariants(String name, List<Variant> variants) {
    throw new UnsupportedOperationException("the fake store is read-only");
  }

  @Override
  public void close() {
  }
}
