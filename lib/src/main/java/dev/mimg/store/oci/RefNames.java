package dev.mimg.store.oci;

import dev.mimg.model.InvalidInputException;
import dev.mimg.model.Reference;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the {@code org.opencontainers.image.ref.name} of an index.json entry as a reference. mimg writes full
 * normalized references; skopeo and others write a bare tag ({@code 3.16}), which becomes
 * {@code <layout directory name>:<tag>}.
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

  /** The reference a ref.name stands for; empty for no name; an unreadable name throws {@link InvalidInputException}. */
  Optional<Reference> reference(String refName) {
    if (refName == null || refName.isBlank()) {
      return Optional.empty();
    }
    boolean bareTag = refName.indexOf('/') < 0 && refName.indexOf(':') < 0 && refName.indexOf('@') < 0;
    return Optional.of(Reference.parse(bareTag ? repository + ":" + refName : refName));
  }

  /** Lower case; runs of characters a repository name cannot hold become one '-'; trimmed of separators. */
  static String repositoryName(String directoryName) {
    String name = directoryName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-")
        .replaceAll("^[._-]+|[._-]+$", "").replaceAll("([._-])[._-]+", "$1");
    return name.isEmpty() ? FALLBACK_REPOSITORY : name;
  }
}
