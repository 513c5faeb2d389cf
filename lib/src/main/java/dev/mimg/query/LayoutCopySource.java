package dev.mimg.query;

import dev.mimg.model.Descriptor;
import dev.mimg.model.Digest;
import dev.mimg.model.Reference;
import dev.mimg.model.VerifyingStream;
import dev.mimg.store.oci.OciLayout;
import java.util.Optional;

/** An image of an OCI layout as a copy's source: what the layout holds of it (a shallow image lacks children). */
final class LayoutCopySource implements CopySource {

  private final OciLayout layout;
  private final Digest id;
  private final String mediaType;
  private final String description;

  LayoutCopySource(OciLayout layout, Digest id, String mediaType) {
    this(layout, id, mediaType, "oci-layout " + layout.directory());
  }

  /** A source that messages call {@code description} (an engine's export in a temporary layout). */
  LayoutCopySource(OciLayout layout, Digest id, String mediaType, String description) {
    this.layout = layout;
    this.id = id;
    this.mediaType = mediaType;
    this.description = description;
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public ManifestBytes top() {
    return new ManifestBytes(layout.readBlob(id), mediaType, id);
  }

  @Override
  public Optional<ManifestBytes> manifest(Descriptor child) {
    if (!layout.hasBlob(child.digest())) {
      return Optional.empty();
    }
    return Optional.of(new ManifestBytes(layout.readBlob(child.digest()), child.mediaType(), child.digest()));
  }

  @Override
  public boolean hasBlob(Digest digest) {
    return layout.hasBlob(digest);
  }

  @Override
  public java.io.InputStream openBlob(Descriptor blob) {
    return new VerifyingStream(layout.openBlob(blob.digest()), blob.digest(), blob.size(),
        "blob " + blob.digest() + " in " + describe(), "the layout");
  }

  @Override
  public java.io.InputStream openBlobForCheckingTarget(Descriptor blob) {
    return layout.openBlob(blob.digest());
  }

  @Override
  public Optional<Reference> registryRepository() {
    return Optional.empty();
  }
}
