package dev.mimg.store.oci;

import dev.mimg.model.Image;
import dev.mimg.model.ImageName;
import dev.mimg.model.Json;
import dev.mimg.model.Platform;
import dev.mimg.model.Reference;
import dev.mimg.model.Variant;
import dev.mimg.store.ImageStore;
import dev.mimg.store.PullEvent;
import dev.mimg.store.StoreException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The per-user layout before its first pull: it lists no image and is not created by reading it (a listing
 * changes nothing on disk); a pull opens the store for writing, which creates the layout.
 */
public final class AbsentLayoutStore implements ImageStore {

  private final Path directory;

  /** The layout that would live at {@code directory}. */
  public AbsentLayoutStore(Path directory) {
    this.directory = directory;
  }

  @Override
  public List<Image> images() {
    return List.of();
  }

  @Override
  public Json inspect(Image image, Variant variant) {
    throw absent();
  }

  @Override
  public Map<String, String> containerNames() {
    return Map.of();
  }

  @Override
  public void removeVariants(String name, List<Variant> variants) {
    throw absent();
  }

  @Override
  public void untag(Image image, List<ImageName> names) {
    throw absent();
  }

  @Override
  public void removeImage(Image image) {
    throw absent();
  }

  @Override
  public void pull(Reference reference, Platform platform, Consumer<PullEvent> progress) {
    throw absent();
  }

  @Override
  public void backfill(Image image, Reference repository, Platform platform, Consumer<PullEvent> progress) {
    throw absent();
  }

  private StoreException absent() {
    return new StoreException("the OCI layout " + directory + " does not exist yet (mimg pull creates it)");
  }

  @Override
  public String describe() {
    return "oci-layout " + directory + " (not created yet)";
  }

  @Override
  public List<String> notices() {
    return List.of();
  }

  @Override
  public void close() {
  }
}
