package dev.mimg.store.containerd;

import dev.mimg.model.InvalidInputException;
import dev.mimg.model.Reference;

/**
 * What containerd's image record names are: Docker references ({@code docker.io/library/alpine:3.16},
 * {@code repo@sha256:...}), dockerd's placeholders for dangling images ({@code moby-dangling@sha256:...}) and the
 * CRI's image-id names ({@code sha256:<config digest>}, one of the three names the CRI gives every image).
 */
final class RecordNames {

  /** dockerd's name for an image that lost its last name (kept so containerd's GC keeps its content). */
  static final String DANGLING_PREFIX = "moby-dangling@";

  private RecordNames() {
  }

  /** The Docker reference a record name is; null for placeholders, CRI id names and names that are none. */
  static Reference reference(String name) {
    if (name.startsWith(DANGLING_PREFIX) || isCriId(name)) {
      return null;
    }
    try {
      return Reference.parse(name);
    } catch (InvalidInputException e) {
      return null;
    }
  }

  /** True for the CRI's image-id name: a bare {@code sha256:} digest (the config's). */
  static boolean isCriId(String name) {
    return name.matches("sha256:[0-9a-f]{64}");
  }
}
