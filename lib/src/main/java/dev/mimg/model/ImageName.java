package dev.mimg.model;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * One name a store holds for an image, split as {@code docker image ls} shows it in REPOSITORY and TAG: a tag
 * ({@code alpine:3.16}), a by-digest name ({@code alpine@sha256:...}, TAG {@code <none>}), or, in an OCI layout, a
 * name that is no Docker reference ({@code v1+meta}, {@code R/rel/Multi-0:v1}), kept as written. {@code written}
 * is the name exactly as the store holds it; {@code reference} is null for a name that is no Docker reference.
 */
public record ImageName(String written, Reference reference, String repository, String tag) {

  /** What REPOSITORY and TAG show where there is none. */
  public static final String NONE = "<none>";

  /** Listing order: tags by repository then tag, then names without a tag, then none. */
  public static final Comparator<ImageName> LISTING_ORDER = new Comparator<>() {
    @Override
    public int compare(ImageName a, ImageName b) {
      int order = Boolean.compare(a.tag().equals(NONE), b.tag().equals(NONE));
      if (order == 0) {
        order = Boolean.compare(a.repository().equals(NONE), b.repository().equals(NONE));
      }
      if (order == 0) {
        order = a.repository().compareTo(b.repository());
      }
      return order != 0 ? order : a.tag().compareTo(b.tag());
    }
  };

  /** The REPOSITORY and TAG of an image with no name: {@code <none> <none>}. */
  public static final ImageName NO_NAME = new ImageName("", null, NONE, NONE);

  /** The name a store holds as {@code written} for {@code reference} (e.g. a layout's bare {@code 3.16}). */
  public static ImageName of(Reference reference, String written) {
    return new ImageName(written, reference, reference.familiarName(), reference.tag().orElse(NONE));
  }

  /** A name held as the reference's full form. */
  public static ImageName of(Reference reference) {
    return of(reference, reference.toString());
  }

  /**
   * A name that is no Docker reference, shown as written: {@code REPO:TAG} when it has a tag after its last
   * {@code /}, else as a bare tag of {@code bareRepository} (a layout's directory name, as skopeo names bare tags).
   */
  public static ImageName unparsed(String written, String bareRepository) {
    int colon = written.lastIndexOf(':');
    if (colon > written.lastIndexOf('/') && colon > 0 && colon < written.length() - 1) {
      return new ImageName(written, null, written.substring(0, colon), written.substring(colon + 1));
    }
    if (written.indexOf('/') < 0 && written.indexOf(':') < 0) {
      return new ImageName(written, null, bareRepository, written);
    }
    return new ImageName(written, null, written, NONE);
  }

  /** The Docker reference this name is, if it is one. */
  public Optional<Reference> asReference() {
    return Optional.ofNullable(reference);
  }

  /** True for a tag ({@code repo:tag}). */
  public boolean isTag() {
    return reference != null && reference.tag().isPresent();
  }

  /** True for a by-digest name ({@code repo@sha256:...}, no tag). */
  public boolean isDigest() {
    return reference != null && reference.isDigestOnly();
  }

  /** Equal to a name with the same components (written out: no record bootstrap at start-up). */
  @Override
  public boolean equals(Object other) {
    return other instanceof ImageName name && Objects.equals(written, name.written)
        && Objects.equals(reference, name.reference) && Objects.equals(repository, name.repository)
        && Objects.equals(tag, name.tag);
  }

  /** Consistent with {@link #equals(Object)}. */
  @Override
  public int hashCode() {
    return ((Objects.hashCode(written) * 31 + Objects.hashCode(reference)) * 31 + Objects.hashCode(repository)) * 31
        + Objects.hashCode(tag);
  }

  /** The name as plans and messages print it: the familiar reference ({@code alpine:3.16}), else as written. */
  @Override
  public String toString() {
    return reference != null ? reference.familiarString() : written;
  }
}
