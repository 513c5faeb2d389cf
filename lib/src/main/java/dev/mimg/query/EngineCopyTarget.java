package dev.mimg.query;

import dev.mimg.model.Descriptor;
import dev.mimg.model.Digest;
import dev.mimg.model.Image;
import dev.mimg.model.InvalidInputException;
import dev.mimg.model.Reference;
import dev.mimg.store.StoreException;
import dev.mimg.store.docker.DockerEngineStore;
import dev.mimg.store.oci.LayoutTar;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Docker engine as a copy's target: the content goes into a temporary OCI layout (verified as into any layout),
 * which is then streamed to the engine's {@code POST /images/load} as a tar; the containerd image store keeps the
 * index as it is (a shallow one stays shallow, its digest the image id). A name that already names another image
 * there is refused before anything moves: a load would move it silently.
 */
final class EngineCopyTarget implements CopyTarget, AutoCloseable {

  private final DockerEngineStore engine;
  private final Reference reference;
  private Path staging;
  private LayoutCopyTarget layout;

  EngineCopyTarget(DockerEngineStore engine, Reference reference) {
    this.engine = engine;
    this.reference = reference;
  }

  /** Refuses a name that already names another image in the engine. */
  void checkName(Digest id) {
    Optional<Image> named = engine.named(reference);
    if (named.isPresent() && !named.get().id().equals(id)) {
      throw new InvalidInputException("cannot copy to " + describe() + ": the name names another "
          + "image there (" + named.get().shortId() + "); untag it first, or copy --as another name");
    }
  }

  @Override
  public String describe() {
    return engine.describe() + " as " + reference.familiarString();
  }

  @Override
  public Reference reference() {
    return reference;
  }

  @Override
  public boolean hasBlob(Digest digest) {
    return false; // the engine's content store is not asked blob by blob: the tar carries everything copied
  }

  @Override
  public boolean putBlob(Descriptor blob, CopySource from) {
    return layout().putBlob(blob, from);
  }

  @Override
  public void putManifest(CopySource.ManifestBytes manifest) {
    layout().putManifest(manifest);
  }

  @Override
  public void putTop(CopySource.ManifestBytes top, List<Digest> content) {
    layout().putTop(top, content);
    engine.client().post("/images/load?quiet=1", Map.of("Content-Type", "application/x-tar"), LayoutTar.of(staging),
        message -> {
          if (message.hasNonNull("error")) {
            throw new StoreException("the engine refused the image: " + message.path("error").asText());
          }
        });
  }

  private synchronized LayoutCopyTarget layout() {
    if (layout == null) {
      staging = TemporaryDirectory.create("the image the engine loads");
      layout = new LayoutCopyTarget(staging, reference);
    }
    return layout;
  }

  /** Deletes the temporary layout. */
  @Override
  public void close() {
    if (staging != null) {
      TemporaryDirectory.delete(staging);
    }
  }
}
