package dev.mimg.store.oci;

import dev.mimg.model.Descriptor;
import dev.mimg.model.Digest;
import dev.mimg.model.ImageIndex;
import dev.mimg.model.ImageManifest;
import dev.mimg.model.Json;
import dev.mimg.model.JsonObject;
import dev.mimg.model.JsonText;
import dev.mimg.model.MediaTypes;
import dev.mimg.model.OciDocuments;
import dev.mimg.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * An OCI image layout directory: {@code oci-layout}, {@code index.json} and {@code blobs/<alg>/<hex>}.
 *
 * <p>Reads take no lock: every file is replaced by an atomic rename, so a reader sees the old or the new version;
 * a blob a removal deletes meanwhile makes a reading fail, and the store reads again (see OciLayoutStore).
 * Writers of {@code index.json} and the garbage collector hold the layout's lock ({@value LayoutLock#FILE_NAME},
 * exclusive across threads and processes) and re-read {@code index.json} inside it, so no update is lost.
 * Blobs are written without the lock: content-addressed, verified before they appear.
 *
 * <p>The writing protocol (for a pull): {@link #putBlob} every blob bottom-up (layers, config, manifests, index),
 * then name the top one with {@link #updateIndex} (a pull does it through LayoutNaming). A full {@link #gc()} running in between
 * removes blobs not named yet; {@link #gc(java.time.Duration)} spares young blobs for that reason.
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/image-layout.md">OCI image-spec: image layout</a>
 */
public final class OciLayout {

  /** The file that marks a directory as an OCI layout. */
  public static final String LAYOUT_FILE = "oci-layout";
  /** The layout's entry point: an OCI index of the images it holds. */
  public static final String INDEX_FILE = "index.json";
  /** The directory of content-addressed blobs. */
  public static final String BLOBS_DIR = "blobs";
  /** The only layout version the spec defines, the one mimg reads and writes. */
  public static final String LAYOUT_VERSION = "1.0.0";
  /** The annotation that names an image in {@code index.json}. */
  public static final String REF_NAME_ANNOTATION = "org.opencontainers.image.ref.name";

  private static final int BUFFER_SIZE = 64 * 1024;
  private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

  private final Path directory;
  private final LayoutLock lock;

  private OciLayout(Path directory) {
    this.directory = directory;
    this.lock = new LayoutLock(directory);
  }

  /**
   * Opens an existing layout; a missing {@code oci-layout}, another version or a corrupt {@code index.json} is a
   * one-line error.
   */
  public static OciLayout open(Path directory) {
    Path real;
    try {
      real = directory.toRealPath();
    } catch (IOException e) {
      throw new StoreException("no OCI layout at " + directory + ": the directory does not exist");
    }
    if (!Files.isDirectory(real)) {
      throw new StoreException("no OCI layout at " + directory + ": not a directory");
    }
    OciLayout layout = new OciLayout(real);
    layout.checkVersion();
    layout.index();
    return layout;
  }

  /**
   * Opens the layout in {@code directory}, first making an empty one when the directory does not exist or is empty.
   * Anything else is opened as it is, as {@link #open} would: a directory with other files is never made a layout,
   * and a layout without {@code index.json} is corrupt, not started afresh.
   */
  public static OciLayout create(Path directory) {
    try {
      if (Files.exists(directory) && !(Files.isDirectory(directory) && isBlank(directory))
          && !Files.exists(directory.resolve(LayoutLock.FILE_NAME))) {
        return open(directory); // not mimg's: read as it is, nothing written into it (not even the lock file)
      }
      Files.createDirectories(directory);
      Path real = directory.toRealPath();
      new LayoutLock(real).hold(() -> {
        if (isBlank(real)) { // decided under the lock: another mimg may have just made the layout
          initialize(real);
        }
        return null;
      });
    } catch (IOException e) {
      throw new StoreException("cannot create an OCI layout at " + directory + ": " + e.getMessage(), e);
    }
    return open(directory);
  }

  /** The layout directory (its real path). */
  public Path directory() {
    return directory;
  }

  /** The current {@code index.json}. */
  public ImageIndex index() {
    Path file = directory.resolve(INDEX_FILE);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw LayoutCorruption.file(directory, INDEX_FILE, "is missing");
    } catch (IOException e) {
      throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
    }
    try {
      ImageIndex index = OciDocuments.index(bytes, INDEX_FILE);
      for (Descriptor descriptor : index.manifests()) {
        if (descriptor.digest() == null) {
          throw new IllegalArgumentException(INDEX_FILE + " has an entry without a digest");
        }
      }
      return index;
    } catch (IllegalArgumentException e) {
      throw LayoutCorruption.unreadableFile(directory, INDEX_FILE, e);
    }
  }

  /** True when the blob with this digest is in the layout. */
  public boolean hasBlob(Digest digest) {
    return Files.isRegularFile(blobPath(digest));
  }

  /**
   * The whole blob, checked against its digest (for manifests, configs and indexes; stream layers with
   * {@link #openBlob}); bytes of another digest are a one-line corruption error.
   */
  public byte[] readBlob(Digest digest) {
    return read("", digest);
  }

  /** A stream over the blob; the caller closes it. */
  public InputStream openBlob(Digest digest) {
    try {
      return Files.newInputStream(blobPath(digest));
    } catch (NoSuchFileException e) {
      throw missing(digest);
    } catch (IOException e) {
      throw new StoreException("cannot read blob " + digest + " in " + directory + ": " + e.getMessage(), e);
    }
  }

  /** Stores a blob of unknown size; see {@link #putBlob(Digest, long, InputStream)}. */
  public boolean putBlob(Digest expected, InputStream content) {
    return putBlob(expected, -1, content);
  }

  /**
   * Stores a blob: streams {@code content} to a temporary file beside the blobs, checks its digest (and its size
   * when {@code expectedSize >= 0}) and only then renames it into place atomically. On a mismatch the temporary
   * file is deleted and a one-line error names expected and actual; nothing is stored. Returns false, reading
   * nothing, when the blob was already there. The caller closes {@code content}.
   */
  public boolean putBlob(Digest expected, long expectedSize, InputStream content) {
    Path target = blobPath(expected);
    if (Files.isRegularFile(target)) {
      return false;
    }
    Path temporary = null;
    try {
      Files.createDirectories(target.getParent());
      temporary = newTemporaryFile(target.getParent(), ".mimg-");
      BlobDigester digester = write(content, temporary, expectedSize, new BlobDigester(expected));
      Digest actual = digester.result();
      if (expectedSize >= 0 && digester.size() != expectedSize) {
        throw new StoreException("blob " + expected + " has the wrong size: expected " + expectedSize + " bytes, got "
            + (digester.size() > expectedSize ? "more than " + expectedSize : digester.size())
                + "; nothing was stored");
      }
      if (!actual.equals(expected)) {
        throw new StoreException("blob content does not match its digest: expected " + expected + ", got " + actual
            + " (" + digester.size() + " bytes); nothing was stored");
      }
      shareable(temporary);
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      temporary = null;
      return true;
    } catch (IOException e) {
      throw new StoreException("cannot store blob " + expected + " in " + directory + ": " + e.getMessage(), e);
    } finally {
      deleteQuietly(temporary);
    }
  }

  /**
   * Changes {@code index.json} under the layout's lock: the current index is re-read inside the lock, {@code change}
   * maps it to the new one, which replaces the file atomically. Returns the new index.
   */
  public ImageIndex updateIndex(UnaryOperator<ImageIndex> change) {
    return locked(() -> {
      ImageIndex updated = change.apply(index());
      if (updated == null) {
        throw new IllegalArgumentException("an index update returned no index");
      }
      writeIndex(directory, updated);
      return updated;
    });
  }

  /**
   * Deletes every blob {@code index.json} does not reach (indexes, manifests, configs, layers), under the lock;
   * returns the bytes freed.
   */
  public long gc() {
    return gc(java.time.Duration.ZERO);
  }

  /**
   * Like {@link #gc()}, sparing unreachable blobs written less than {@code minimumAge} ago (a writer may not have
   * named them yet).
   */
  public long gc(java.time.Duration minimumAge) {
    return locked(() -> {
      Set<Digest> reachable = ContentGraph.reachable(this, index().manifests());
      long cutoff = System.currentTimeMillis() - minimumAge.toMillis();
      long freed = 0;
      for (Digest blob : blobs()) {
        if (!reachable.contains(blob) && modifiedMillis(blob) <= cutoff) {
          freed += deleteBlob(blob);
        }
      }
      return freed;
    });
  }

  /**
   * Runs {@code action} holding the layout's lock (re-entrant; other threads and processes wait). For a
   * read-check-write sequence that must not interleave with other writers or the garbage collector.
   */
  public <T> T locked(Supplier<T> action) {
    return lock.hold(action);
  }

  /**
   * Deletes those of {@code candidates} that {@code index.json} no longer reaches, and temporary files an
   * interrupted writer left more than an hour ago, under the lock; returns the bytes freed.
   */
  long collect(Set<Digest> candidates) {
    return locked(() -> {
      Set<Digest> reachable = ContentGraph.reachable(this, index().manifests());
      long freed = deleteAbandonedTemporaryFiles(System.currentTimeMillis() - ABANDONED_AFTER.toMillis());
      for (Digest candidate : candidates) {
        if (!reachable.contains(candidate)) {
          freed += deleteBlob(candidate);
        }
      }
      return freed;
    });
  }

  /** Deletes one blob if present; returns its size (0 when it was not there). */
  long deleteBlob(Digest digest) {
    Path path = blobPath(digest);
    try {
      long size = Files.size(path);
      Files.delete(path);
      return size;
    } catch (NoSuchFileException e) {
      return 0;
    } catch (IOException e) {
      throw new StoreException("cannot delete blob " + digest + " in " + directory + ": " + e.getMessage(), e);
    }
  }

  /** The blob's size in bytes, or -1 when it is not there. */
  long blobSize(Digest digest) {
    try {
      return Files.size(blobPath(digest));
    } catch (IOException e) {
      return -1;
    }
  }

  /** A present index blob, checked against its digest and parsed; a corrupt one is a one-line error. */
  ImageIndex readIndexBlob(Digest digest) {
    byte[] bytes = read("index", digest);
    try {
      return OciDocuments.index(bytes, "index " + digest);
    } catch (IllegalArgumentException e) {
      throw LayoutCorruption.unreadable(directory, "index", digest, "index " + digest, e);
    }
  }

  /** A present manifest blob, checked against its digest and parsed. */
  ImageManifest readManifestBlob(Digest digest) {
    byte[] bytes = read("manifest", digest);
    try {
      return OciDocuments.manifest(bytes, "manifest " + digest);
    } catch (IllegalArgumentException e) {
      throw LayoutCorruption.unreadable(directory, "manifest", digest, "manifest " + digest, e);
    }
  }

  /** A present config blob, checked against its digest, as a JSON tree. */
  JsonObject readJsonBlob(Digest digest) {
    byte[] bytes = read("config", digest);
    try {
      return LayoutJson.tree(bytes, "config " + digest);
    } catch (IllegalArgumentException e) {
      throw LayoutCorruption.unreadable(directory, "config", digest, "config " + digest, e);
    }
  }

  /** The bytes of a blob (a {@code kind} of document, "" for any) that hash to its digest. */
  private byte[] read(String kind, Digest digest) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(blobPath(digest));
    } catch (NoSuchFileException e) {
      throw missing(digest); // not corruption yet: a removal may have deleted it since index.json was read
    } catch (IOException e) {
      throw new StoreException("cannot read blob " + digest + " in " + directory + ": " + e.getMessage(), e);
    }
    Digest actual = Digest.of(digest.algorithm(), bytes);
    if (!actual.equals(digest)) {
      throw LayoutCorruption.wrongDigest(directory, kind, digest, actual);
    }
    return bytes;
  }

  /** Where a blob lives: only {@code blobs/<alg>/<hex>} of a validated digest, never elsewhere. */
  private Path blobPath(Digest digest) {
    Path blobs = directory.resolve(BLOBS_DIR);
    Path path = blobs.resolve(digest.algorithm()).resolve(digest.hex()).normalize();
    if (!path.getParent().getParent().equals(blobs)) {
      throw new StoreException("refusing blob path " + path + " outside " + blobs);
    }
    return path;
  }

  /** How old a temporary blob file must be to count as left behind by a writer that was interrupted. */
  private static final java.time.Duration ABANDONED_AFTER = java.time.Duration.ofHours(1);

  /** Deletes {@code .mimg-*.tmp} files under {@code blobs/} last written before {@code cutoff}; returns their bytes. */
  private long deleteAbandonedTemporaryFiles(long cutoff) {
    long freed = 0;
    for (String algorithm : List.of(Digest.SHA256, Digest.SHA512)) {
      Path dir = directory.resolve(BLOBS_DIR).resolve(algorithm);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, ".mimg-*.tmp")) {
        for (Path entry : entries) {
          if (Files.getLastModifiedTime(entry).toMillis() < cutoff) {
            long size = Files.size(entry);
            if (Files.deleteIfExists(entry)) {
              freed += size;
            }
          }
        }
      } catch (IOException e) {
        // best effort: a temporary file that cannot be removed now is tried again by the next removal
      }
    }
    return freed;
  }

  /** Every blob file whose name is a valid digest of its algorithm directory (temporary files are not). */
  private List<Digest> blobs() {
    List<Digest> found = new ArrayList<>();
    for (String algorithm : List.of(Digest.SHA256, Digest.SHA512)) {
      Path dir = directory.resolve(BLOBS_DIR).resolve(algorithm);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
        for (Path entry : entries) {
          String name = entry.getFileName().toString();
          if (Files.isRegularFile(entry) && isHexName(name)) {
            try {
              found.add(new Digest(algorithm, name));
            } catch (IllegalArgumentException notADigest) {
              // a file of another length or alphabet is no blob of this layout; leave it
            }
          }
        }
      } catch (IOException e) {
        throw new StoreException("cannot list " + dir + ": " + e.getMessage(), e);
      }
    }
    return found;
  }

  private long modifiedMillis(Digest digest) {
    try {
      return Files.getLastModifiedTime(blobPath(digest)).toMillis();
    } catch (IOException e) {
      return Long.MAX_VALUE;
    }
  }

  private void checkVersion() {
    Path file = directory.resolve(LAYOUT_FILE);
    if (!Files.isRegularFile(file)) {
      throw new StoreException("no OCI layout at " + directory + ": the " + LAYOUT_FILE + " file is missing");
    }
    JsonObject marker;
    try {
      marker = LayoutJson.tree(Files.readAllBytes(file), LAYOUT_FILE);
    } catch (IllegalArgumentException e) {
      throw LayoutCorruption.unreadableFile(directory, LAYOUT_FILE, e);
    } catch (IOException e) {
      throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
    }
    String version = marker.path("imageLayoutVersion").asText("");
    if (!LAYOUT_VERSION.equals(version)) {
      throw new StoreException("unsupported OCI layout version \"" + version + "\" in " + directory + " (mimg reads "
          + LAYOUT_VERSION + ")");
    }
  }

  /** True when {@code directory} holds nothing but, perhaps, the lock file. */
  private static boolean isBlank(Path directory) {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
      for (Path entry : entries) {
        if (!entry.getFileName().toString().equals(LayoutLock.FILE_NAME)) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      throw new StoreException("cannot create an OCI layout at " + directory + ": " + e.getMessage(), e);
    }
  }

  /** Makes an empty layout in a blank directory; {@code oci-layout} comes last, so it marks a complete layout. */
  private static void initialize(Path directory) {
    try {
      Files.createDirectories(directory.resolve(BLOBS_DIR).resolve(Digest.SHA256));
      writeIndex(directory, new ImageIndex(2, MediaTypes.OCI_INDEX, List.of(), Map.of()));
      writeAtomically(directory, directory.resolve(LAYOUT_FILE),
          JsonText.utf8(Json.object().put("imageLayoutVersion", LAYOUT_VERSION)));
    } catch (IOException e) {
      throw new StoreException("cannot create an OCI layout at " + directory + ": " + e.getMessage(), e);
    }
  }

  private static void writeIndex(Path directory, ImageIndex index) {
    try {
      writeAtomically(directory, directory.resolve(INDEX_FILE), JsonText.utf8(OciDocuments.toJson(index)));
    } catch (IOException e) {
      throw new StoreException("cannot write " + INDEX_FILE + " in " + directory + ": " + e.getMessage(), e);
    }
  }

  /**
   * Gives a temporary file the mode other tools give layout files (rw-r--r--): temporary files are created
   * owner-only, and a layout is often shared with another user or tool.
   */
  private static void shareable(Path file) throws IOException {
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }
  }

  /** Writes {@code bytes} to a temporary file in {@code directory}, syncs it and renames it over {@code target}. */
  private static void writeAtomically(Path directory, Path target, byte[] bytes) throws IOException {
    Path temporary = newTemporaryFile(directory, "." + target.getFileName() + ".");
    try {
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        channel.write(java.nio.ByteBuffer.wrap(bytes));
        channel.force(true);
      }
      shareable(temporary);
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      temporary = null;
    } finally {
      deleteQuietly(temporary);
    }
  }

  /**
   * Creates a new, empty, owner-only file {@code prefix<random>.tmp} in {@code directory}, never an existing one
   * (nor through a symbolic link). Unlike {@link Files#createTempFile}, which seeds a SecureRandom first (~15 ms
   * of a pull's start), its names need only be unique, which the exclusive creation guarantees.
   */
  private static Path newTemporaryFile(Path directory, String prefix) throws IOException {
    boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
    while (true) {
      Path candidate = directory.resolve(prefix + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
          + ".tmp");
      try {
        return posix ? Files.createFile(candidate, OWNER_ONLY) : Files.createFile(candidate);
      } catch (FileAlreadyExistsException taken) {
        // another writer's name (or a left-over file): draw another
      }
    }
  }

  /** Copies {@code content} into {@code file} (synced), digesting it; stops one buffer past a known size. */
  private static BlobDigester write(InputStream content, Path file, long expectedSize, BlobDigester digester)
      throws IOException {
    byte[] buffer = new byte[BUFFER_SIZE];
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
        OutputStream out = Channels.newOutputStream(channel)) {
      int read;
      while ((read = content.read(buffer)) >= 0) {
        digester.update(buffer, read);
        out.write(buffer, 0, read);
        if (expectedSize >= 0 && digester.size() > expectedSize) {
          break;
        }
      }
      out.flush();
      channel.force(true);
    }
    return digester;
  }



  private static boolean isHexName(String name) {
    return !name.isEmpty() && name.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
  }

  private static void deleteQuietly(Path path) {
    if (path != null) {
      try {
        Files.deleteIfExists(path);
      } catch (IOException ignored) {
        // best effort: a left-over temporary file starts with '.' and is never taken for a blob
      }
    }
  }

  private StoreException missing(Digest digest) {
    return new StoreException("blob " + digest + " is missing from the OCI layout " + directory);
  }
}
