package dev.mimg.query;

import dev.mimg.model.Descriptor;
import dev.mimg.model.Digest;
import dev.mimg.model.Reference;
import dev.mimg.store.StoreException;
import dev.mimg.store.oci.OciLayout;
import dev.mimg.store.oci.OciLayoutStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * An OCI layout as a copy's target, written as a pull writes it (verified blobs, the name last under the lock);
 * the layout is created at the first write, so a dry run or a refused copy leaves a missing directory missing.
 */
final class LayoutCopyTarget implements CopyTarget {

  private final Path directory;
  private final Reference reference;
  private OciLayout layout;

  /** A target in {@code directory}; an existing directory must be a layout or empty (checked now). */
  LayoutCopyTarget(Path directory, Reference reference) {
    this.directory = directory;
    this.reference = reference;
    if (Files.exists(directory) && !isEmptyDirectory(directory)) {
      this.layout = OciLayout.open(directory);
    }
  }

  @Override
  public String describe() {
    return "oci:" + directory + " as " + reference;
  }

  @Override
  public Reference reference() {
    return reference;
  }

  @Override
  public boolean hasBlob(Digest digest) {
    return layout != null && layout.hasBlob(digest);
  }

  @Override
  public boolean putBlob(Descriptor blob, CopySource from) {
    try (InputStream in = from.openBlobForCheckingTarget(blob)) {
      layout().putBlob(blob.digest(), blob.size(), in);
    } catch (IOException e) {
      throw new StoreException("cannot copy blob " + blob.digest() + " from " + from.describe() + ": "
          + e.getMessage(), e);
    }
    return false;
  }

  @Override
  public void putManifest(CopySource.ManifestBytes manifest) {
    layout().putBlob(manifest.digest(), manifest.bytes().length, new ByteArrayInputStream(manifest.bytes()));
  }

  @Override
  public void putTop(CopySource.ManifestBytes top, List<Digest> content) {
    putManifest(top);
    new OciLayoutStore(layout(), dev.mimg.model.Platform.host()).name(reference, top.descriptor(), content);
  }

  private synchronized OciLayout layout() {
    if (layout == null) {
      layout = OciLayout.create(directory);
    }
    return layout;
  }

  private static boolean isEmptyDirectory(Path dir) {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    } catch (IOException e) {
      return false;
    }
  }
}
