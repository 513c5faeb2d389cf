package dev.mimg.store.oci;

import dev.mimg.model.ImageName;
import dev.mimg.model.InvalidInputException;
import dev.mimg.model.Reference;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the {@code org.opencontainers.image.ref.name} of an index.json entry as an image name. mimg writes full
 * normalized references; skopeo and others write a bare tag ({@code 3.16}), which becomes
 * {@code <layout directory name>:<tag>}; a name that is valid OCI but no Docker reference is kept as written.
 */
final class RefNames {

  private static final String FALLBACK_REPOSITORY = "layout";

  private final String repository;

  /** Names relative to the layout in a directory called {@code directoryName}. */
  RefNames(String directoryName) {
    this.repository = repositoryName(directoryName);
  }

  /** The repository bare tags are listed under (the directory name made a valid repository name). */
  String repository() {
    return repository;
  }

  /**
   * The name a ref.name stands for, empty for none: a reference (a bare tag as {@code <repository>:<tag>}; a
   * reference with both tag and digest as its tag), else the name as written (valid OCI, but no Docker reference).
   */
  Optional<ImageName> name(String refName) {
    if (refName == null || refName.isBlank()) {
      return Optional.empty();
    }
    boolean bareTag = refName.indexOf('/') < 0 && refName.indexOf(':') < 0 && refName.indexOf('@') < 0;
    try {
      Reference reference = Reference.parse(bareTag ? repository + ":" + refName : refName);
      if (reference.tag().isPresent() && reference.digest().isPresent()) {
        reference = Reference.parse(reference.name() + ":" + reference.tag().orElseThrow());
      }
      return Optional.of(ImageName.of(reference, refName));
    } catch (InvalidInputException notDocker) {
      return Optional.of(ImageName.unparsed(refName, repository));
    }
  }

  /** Lower case; runs of characters a repository name cannot hold become one '-'; trimmed of separators. */
  static String repositoryName(String directoryName) {
    String name = directoryName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-")
        .replaceAll("^[._-]+|[._-]+$", "").replaceAll("([._-])[._-]+", "$1");
    return name.isEmpty() ? FALLBACK_REPOSITORY : name;
  }
}
