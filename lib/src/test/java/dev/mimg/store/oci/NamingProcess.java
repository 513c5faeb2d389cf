package dev.mimg.store.oci;

import dev.mimg.model.Descriptor;
import dev.mimg.model.Digest;
import dev.mimg.model.MediaTypes;
import dev.mimg.model.Reference;
import java.nio.file.Path;

/** A separate JVM that names one manifest {@code count} times in a layout: the other process of the concurrency test. */
public final class NamingProcess {

  private NamingProcess() {
  }

  /** Arguments: layout directory, repository, count, manifest digest, manifest size. */
  public static void main(String[] args) {
    OciLayout layout = OciLayout.open(Path.of(args[0]));
    Descriptor target = Descriptor.of(MediaTypes.OCI_MANIFEST, Digest.parse(args[3]), Long.parseLong(args[4]));
    nameMany(layout, args[1], Integer.parseInt(args[2]), target);
  }

  /** Names {@code target} {@code <repository>:0} to {@code <repository>:<count - 1>}. */
  static void nameMany(OciLayout layout, String repository, int count, Descriptor target) {
    for (int i = 0; i < count; i++) {
      LayoutNaming.name(layout, Reference.parse(repository + ":" + i), target, java.util.List.of());
    }
  }
}
