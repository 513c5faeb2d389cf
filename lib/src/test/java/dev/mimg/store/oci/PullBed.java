package dev.mimg.store.oci;

import dev.mimg.bed.Bed;
import dev.mimg.model.Platform;
import dev.mimg.query.Mimg;
import dev.mimg.query.Pull;
import dev.mimg.query.PullReport;
import dev.mimg.registry.RegistryClient;
import dev.mimg.store.PullEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The bed's registry as the layout pull tests use it: fixtures copied (crane) to repositories of their own, tags
 * moved with crane, and a layout store on linux/amd64 pulled into through the DSL's {@link Pull}, recording progress.
 */
final class PullBed {

  /** The host the stores pretend to run on. */
  static final Platform AMD64 = Platform.of("linux", "amd64", "");

  final OciLayoutStore store;
  final List<PullEvent> events = new CopyOnWriteArrayList<>();

  private PullBed(OciLayoutStore store) {
    this.store = store;
  }

  /** A store over a new layout in {@code dir}, pulling through a client with quick retries. */
  static PullBed in(Path dir) {
    RegistryClient client = RegistryClient.builder().retries(2, Duration.ofMillis(50)).build();
    return new PullBed(new OciLayoutStore(OciLayout.create(dir), AMD64, client));
  }

  /** Runs mimg's pull semantics on this store. */
  PullReport pull(String reference, List<Platform> platforms, boolean all, boolean resolve) {
    Pull pull = Mimg.images(store).pull(reference).progress(events::add);
    pull = platforms.isEmpty() ? pull : pull.platform(platforms.stream().map(Platform::toString).toArray(String[]::new));
    pull = all ? pull.allPlatforms() : pull;
    return (resolve ? pull.resolve() : pull).run();
  }

  /** Copies the fixture {@code fixture} (e.g. mimg/rmme:1) to a fresh repository; returns its full reference. */
  static String copy(String fixture, String name) {
    String to = Bed.ref("layoutpull/" + name + "-" + Long.toHexString(System.nanoTime()) + ":1");
    Bed.crane("copy", Bed.ref(fixture), to);
    return to;
  }

  /** The digest crane reports for a reference (an index's, or with a platform its child's). */
  static String digest(String reference, String... platform) {
    return platform.length == 0 ? Bed.crane("digest", reference).strip()
        : Bed.crane("digest", "--platform", platform[0], reference).strip();
  }

  /** Moves the tag {@code reference} to a new index: its old children plus busybox's linux/riscv64 image. */
  static void moveKeepingChildren(String reference) {
    String busybox = Bed.ref("mimg/busybox:1.36");
    Bed.crane("index", "append", reference, "-m", Bed.ref("mimg/busybox@" + digest(busybox, "linux/riscv64")),
        "-t", reference);
  }

  /** Moves the tag {@code reference} to an index of alpine's amd64 and s390x images (new variants). */
  static void moveToOtherImages(String reference) {
    String alpine = Bed.ref("mimg/alpine:3.16");
    Bed.crane("index", "append", "-m", Bed.ref("mimg/alpine@" + digest(alpine, "linux/amd64")),
        "-m", Bed.ref("mimg/alpine@" + digest(alpine, "linux/s390x")), "-t", reference);
  }
}
