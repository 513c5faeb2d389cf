package dev.mimg.query;

import dev.mimg.model.Descriptor;
import dev.mimg.model.Digest;
import dev.mimg.model.Reference;
import java.util.List;

/**
 * Where a copy writes an image, bottom-up: blobs, child manifests, then the top manifest or index under the
 * target reference (the name last, so an interrupted copy names nothing half there).
 */
interface CopyTarget {

  /** The store and reference as messages name them. */
  String describe();

  /** The reference the image gets there. */
  Reference reference();

  /** Whether the target holds the blob {@code digest} already (asked without changing anything). */
  boolean hasBlob(Digest digest);

  /** Stores a blob it lacks, streamed from {@code from} and verified; true when it was mounted, not sent. */
  boolean putBlob(Descriptor blob, CopySource from);

  /** Stores a child manifest by its digest. */
  void putManifest(CopySource.ManifestBytes manifest);

  /** Stores the top manifest or index and names it; {@code content} is every digest it reaches that was copied. */
  void putTop(CopySource.ManifestBytes top, List<Digest> content);
}
