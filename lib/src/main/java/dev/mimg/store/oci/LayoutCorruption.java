package dev.mimg.store.oci;

import dev.mimg.model.Descriptor;
import dev.mimg.model.Digest;
import dev.mimg.store.StoreException;
import java.nio.file.Path;
import java.util.List;

/**
 * A layout that is not what its files say, told the one way mimg tells it: {@code corrupt OCI layout DIR: the index
 * blob sha256:abcd12345678 of NAME is missing}. A blob is found damaged where it is read, which does not know the
 * {@code index.json} entry it belongs to; the reader that does adds it with {@link #of}.
 */
final class LayoutCorruption extends StoreException {

  private final Path directory;
  private final String subject;
  private final String problem;
  private final boolean named;

  private LayoutCorruption(Path directory, String subject, String problem, boolean named, Throwable cause) {
    super("corrupt OCI layout " + directory + ": " + subject + " " + problem, cause);
    this.directory = directory;
    this.subject = subject;
    this.problem = problem;
    this.named = named;
  }

  /** A layout file ({@code index.json}, {@code oci-layout}) with a problem, e.g. "index.json" "is missing". */
  static LayoutCorruption file(Path directory, String file, String problem) {
    return new LayoutCorruption(directory, file, problem, true, null);
  }

  /** A layout file that cannot be read as what it should be; {@code e}'s message starts with the file's name. */
  static LayoutCorruption unreadableFile(Path directory, String file, IllegalArgumentException e) {
    return new LayoutCorruption(directory, file, after(file, e), true, e);
  }

  /** A blob an {@code index.json} entry names that is not there. */
  static LayoutCorruption missing(Path directory, String kind, Digest digest) {
    return blob(directory, kind, digest, "is missing", null);
  }

  /** A blob whose bytes hash to {@code actual}, not to its name. */
  static LayoutCorruption wrongDigest(Path directory, String kind, Digest digest, Digest actual) {
    return blob(directory, kind, digest, "has the wrong digest: expected " + shortForm(digest) + ", got "
        + shortForm(actual), null);
  }

  /** A blob of another size than its descriptor says. */
  static LayoutCorruption wrongSize(Path directory, String kind, Digest digest, long expected, long actual) {
    return blob(directory, kind, digest, "has the wrong size: expected " + expected + " bytes, got " + actual, null);
  }

  /** An {@code index.json} entry that is neither an index nor an image manifest (null: it names no media type). */
  static LayoutCorruption unknownMediaType(Path directory, Digest digest, String mediaType) {
    return blob(directory, "", digest, mediaType == null ? "has no media type"
        : "has an unknown media type \"" + mediaType + "\"", null);
  }

  /** A blob that is not the JSON document it should be; {@code e}'s message starts with {@code what}. */
  static LayoutCorruption unreadable(Path directory, String kind, Digest digest, String what,
      IllegalArgumentException e) {
    return blob(directory, kind, digest, after(what, e), e);
  }

  /**
   * This corruption as found in the image of {@code entries} ({@code index.json} entries of one digest), named by
   * the first ref.name they have, else as the unnamed image of that digest.
   */
  LayoutCorruption of(List<Descriptor> entries) {
    if (named) {
      return this;
    }
    String name = entries.stream().map(e -> e.annotations().get(OciLayout.REF_NAME_ANNOTATION))
        .filter(n -> n != null && !n.isBlank()).findFirst()
        .orElseGet(() -> "the unnamed image " + entries.get(0).digest().shortId());
    return new LayoutCorruption(directory, subject + " of " + name, problem, true, this);
  }

  private static LayoutCorruption blob(Path directory, String kind, Digest digest, String problem, Throwable cause) {
    String subject = "the " + (kind.isEmpty() ? "" : kind + " ") + "blob " + shortForm(digest);
    return new LayoutCorruption(directory, subject, problem, false, cause);
  }

  private static String shortForm(Digest digest) {
    return digest.algorithm() + ":" + digest.shortId();
  }

  private static String after(String what, IllegalArgumentException e) {
    String message = String.valueOf(e.getMessage());
    return message.startsWith(what) ? message.substring(what.length()).strip() : message;
  }
}
