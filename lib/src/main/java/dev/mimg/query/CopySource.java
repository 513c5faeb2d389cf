package dev.mimg.query;

import dev.mimg.model.Descriptor;
import dev.mimg.model.Digest;
import dev.mimg.model.Reference;
import java.io.InputStream;
import java.util.Optional;

/** Where a copy reads an image from: its top manifest or index, its child manifests and its blobs, verified. */
interface CopySource {

  /** The source as messages name it ({@code oci-layout DIR}, {@code registry HOST/REPO}). */
  String describe();

  /** The image's top manifest or index, verified against its digest. */
  ManifestBytes top();

  /** The child manifest {@code child} names, verified; empty when this source does not hold it. */
  Optional<ManifestBytes> manifest(Descriptor child);

  /** Whether this source holds the blob {@code digest}. */
  boolean hasBlob(Digest digest);

  /** The blob, streamed; reading to its end fails on a size or digest mismatch. */
  InputStream openBlob(Descriptor blob);

  /**
   * The blob's bytes for a target that checks digest and size itself as it stores them (a layout's putBlob):
   * hashing every byte twice would double a copy's work. By default {@link #openBlob}.
   */
  default InputStream openBlobForCheckingTarget(Descriptor blob) {
    return openBlob(blob);
  }

  /** The registry repository the content comes from, for a mount within one registry; empty for a layout. */
  Optional<Reference> registryRepository();

  /** A manifest's bytes, media type and digest (checked when made). */
  record ManifestBytes(byte[] bytes, String mediaType, Digest digest) {

    /** Checks the digest. */
    public ManifestBytes {
      bytes = bytes.clone();
      if (!Digest.of(digest.algorithm(), bytes).equals(digest)) {
        throw new dev.mimg.store.StoreException("manifest " + digest + " has bytes of another digest ("
            + Digest.of(digest.algorithm(), bytes) + ")");
      }
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    /** The descriptor of these bytes. */
    Descriptor descriptor() {
      return Descriptor.of(mediaType, digest, bytes.length);
    }
  }
}
