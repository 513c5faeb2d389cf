package dev.mimg.bed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Multi-platform images built by crane (an independent tool) in a registry, each layer one no other image has. */
public final class CraneImages {

  private CraneImages() {
  }

  /**
   * Pushes {@code ref} (HOST/REPO:TAG) as an index of {@code platforms}, each with one layer of 20 kB seeded by the
   * reference and the platform; the parts are tagged {@code TAG-OS-ARCH}. {@code work} holds the layer tars.
   */
  public static void index(String ref, List<String> platforms, Path work) throws IOException {
    List<String> args = new ArrayList<>(List.of("index", "append"));
    for (String platform : platforms) {
      String part = ref + "-" + platform.replace('/', '-');
      Path layer = layer(work, ref + "/" + platform);
      Bed.crane("append", "-f", layer.toString(), "-t", part + "-base", "--oci-empty-base");
      Bed.crane("mutate", part + "-base", "--set-platform", platform, "-t", part);
      args.addAll(List.of("-m", part));
    }
    args.addAll(List.of("-t", ref));
    Bed.crane(args.toArray(String[]::new));
  }

  /** A reproducible tar of one file of 20 kB that no other layer has. */
  private static Path layer(Path work, String seed) throws IOException {
    String name = seed.replaceAll("[^A-Za-z0-9.-]", "-");
    Path root = Files.createDirectories(work.resolve("rootfs-" + name));
    byte[] payload = new byte[20_000];
    new Random(seed.hashCode()).nextBytes(payload);
    Files.write(root.resolve("payload"), payload);
    Path tar = work.resolve(root.getFileName() + ".tar");
    Bed.run(List.of("tar", "--sort=name", "--mtime=@0", "--owner=0", "--group=0", "--numeric-owner", "-C",
        root.toString(), "-cf", tar.toString(), "."), Map.of());
    return tar;
  }
}
