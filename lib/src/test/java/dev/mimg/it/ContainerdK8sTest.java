package dev.mimg.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mimg.bed.Bed;
import dev.mimg.bed.BedTest;
import dev.mimg.model.Image;
import dev.mimg.model.ImageName;
import dev.mimg.model.Platform;
import dev.mimg.model.Variant;
import dev.mimg.query.Mimg;
import dev.mimg.query.RemovalReport;
import dev.mimg.query.Stores;
import dev.mimg.store.ImageStore;
import dev.mimg.store.StoreException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The containerd store on the bed's own containerd, namespace k8s.io, filled by ctr as the CRI fills it: each image
 * once with its names, use from containerd's containers, removals through containerd under a lease, with ctr as the
 * witness; and the one-line errors.
 */
@BedTest
class ContainerdK8sTest {

  static final String SOCKET = System.getenv("MIMG_BED_CONTAINERD");

  static String ctr(String... args) {
    List<String> command = new ArrayList<>(List.of(System.getenv("MIMG_BED_CTR"), "-a", SOCKET, "-n", "k8s.io"));
    command.addAll(Arrays.asList(args));
    return Bed.run(command, Map.of("CONTAINERD_SNAPSHOTTER", "native"));
  }

  static ImageStore store() {
    return Stores.open("containerd:" + SOCKET, false);
  }

  /** Pulls {@code ref} with ctr and names it as the CRI does (tag, repo@digest, sha256:config of the first). */
  static List<String> criPull(String ref, String... platforms) {
    List<String> pull = new ArrayList<>(List.of("images", "pull", "--local", "--plain-http"));
    for (String platform : platforms) {
      pull.addAll(List.of("--platform", platform));
    }
    pull.add(ref);
    ctr(pull.toArray(String[]::new));
    String digest = Bed.crane("digest", ref).strip();
    String config = Bed.run(List.of("sh", "-c", System.getenv("MIMG_BED_CRANE") + " config --platform " + platforms[0]
        + " " + ref + " | sha256sum | cut -d' ' -f1"), Map.of()).strip();
    List<String> names = List.of(ref, ref.substring(0, ref.lastIndexOf(':')) + "@" + digest, "sha256:" + config);
    ctr("images", "tag", ref, names.get(1));
    ctr("images", "tag", ref, names.get(2));
    for (String name : names) {
      ctr("images", "label", name, "io.cri-containerd.image=managed");
    }
    return names;
  }

  private static Image image(ImageStore store, String ref) {
    return Mimg.images(store).reference(ref).first().orElseThrow(() -> new AssertionError("no image " + ref));
  }

  @Test
  void eachCriImageIsListedOnceWithItsNamesAndItsUseFromContainerd() {
    try (ImageStore store = store()) {
      List<Image> images = store.images();
      long records = ctr("images", "ls", "-q").lines().count();
      assertThat(records).isEqualTo(3L * images.size());
      Image alpine = image(store, Bed.ref("mimg/alpine:3.16"));
      assertThat(alpine.names()).map(ImageName::written).containsExactlyInAnyOrder(Bed.ref("mimg/alpine:3.16"),
          Bed.ref("mimg/alpine") + "@" + alpine.id());
      assertThat(alpine.platforms()).map(Platform::toString).containsExactly("linux/amd64", "linux/arm64/v8");
      assertThat(alpine.present()).filteredOn(v -> v.platform().architecture().equals("amd64"))
          .singleElement().satisfies(v -> assertThat(v.containers()).containsExactly("alpine-amd64"));
      assertThat(ctr("containers", "ls", "-q").lines()).contains("alpine-amd64");
      assertThat(alpine.present()).allSatisfy(v -> assertThat(v.unpackedSize()).isPositive());
      Image busybox = image(store, Bed.ref("mimg/busybox:1.36"));
      assertThat(busybox.present()).map(Variant::platform).map(Platform::toString).containsExactly("linux/riscv64");
      assertThat(busybox.isShallow()).isTrue();
    }
  }

  @Test
  void removingAPlatformDeletesItsManifestUnderALeaseAndKeepsTheNamesAndTheOtherPlatform() {
    String ref = Bed.ref("mimg/rmme:1");
    List<String> names = criPull(ref, "linux/amd64", "linux/arm64/v8");
    try (ImageStore store = store()) {
      Image before = image(store, ref);
      Variant arm = before.present().stream().filter(v -> v.platform().architecture().equals("arm64")).findFirst()
          .orElseThrow();
      // the CRI's repo@digest name holds the same variant: as on the engine, a tag alone does not take it from it
      assertThat(Mimg.images(store).dryRun().reference(ref).platform("linux/arm64/v8").remove().removed()).isEmpty();
      RemovalReport dry = Mimg.images(store).dryRun().reference(ref).platform("linux/arm64/v8").force().remove();
      assertThat(dry.removed()).hasSize(1);
      assertThat(ctr("content", "ls", "-q")).contains(arm.digest().toString());

      RemovalReport report = Mimg.images(store).reference(ref).platform("linux/arm64/v8").force().remove();
      assertThat(report.removed()).singleElement().satisfies(s -> assertThat(s.platform()).isEqualTo("linux/arm64/v8"));
      assertThat(report.reclaimed()).isPositive();
      assertThat(ctr("content", "ls", "-q")).doesNotContain(arm.digest().toString());
      assertThat(ctr("leases", "ls", "-q")).isBlank();
      assertThat(ctr("images", "ls", "-q").lines()).containsAll(names);
      assertThat(image(store, ref).platforms()).map(Platform::toString).containsExactly("linux/amd64");

      Mimg.images(store).reference(ref).remove();   // another name holds it: the tag goes, the image stays
      assertThat(ctr("images", "ls", "-q").lines()).doesNotContain(ref).contains(names.get(1), names.get(2));
      assertThat(ctr("content", "ls", "-q")).contains(before.id().toString());

      Mimg.images(store).reference(names.get(1)).remove();   // its last name: every record goes, then its content
      assertThat(ctr("images", "ls", "-q").lines()).doesNotContainAnyElementsOf(names);
      assertThat(ctr("content", "ls", "-q")).doesNotContain(before.id().toString());
      assertThat(ctr("leases", "ls", "-q")).isBlank();
    } finally {
      for (String name : names) {
        try {
          ctr("images", "rm", name);
        } catch (AssertionError gone) {
          // removed by the test
        }
      }
    }
  }

  @Test
  void aVariantAContainerUsesIsKeptUnlessForced() {
    try (ImageStore store = store()) {
      RemovalReport dry = Mimg.images(store).dryRun().reference(Bed.ref("mimg/alpine:3.16"))
          .platform("linux/amd64").remove();
      assertThat(dry.removed()).isEmpty();
    }
  }

  @Test
  void noSocketAndAnUnknownNamespaceAreOneLineEach() {
    try (ImageStore store = Stores.open("containerd:/nonexistent/containerd.sock", false)) {
      assertThatThrownBy(store::images).isInstanceOf(StoreException.class)
          .hasMessageStartingWith("no containerd socket at /nonexistent/containerd.sock (is containerd running?");
    }
    try (ImageStore store = Stores.open("containerd:" + SOCKET + "?namespace=nope", false)) {
      assertThatThrownBy(store::images).isInstanceOf(StoreException.class)
          .hasMessage("containerd on " + SOCKET + " has no namespace nope, so no images there; namespaces with "
              + "images: k8s.io (?namespace=NS picks one)");
    }
    if (!Bed.run(List.of(System.getenv("MIMG_BED_CTR"), "-a", SOCKET, "namespaces", "ls", "-q"), Map.of()).lines()
        .toList().contains("empty-ns")) {
      Bed.run(List.of(System.getenv("MIMG_BED_CTR"), "-a", SOCKET, "namespaces", "create", "empty-ns"), Map.of());
    }
    try (ImageStore store = Stores.open("containerd:" + SOCKET + "?namespace=empty-ns", false)) {
      assertThat(store.images()).isEmpty();
      assertThat(store.notices()).containsExactly("containerd namespace empty-ns on " + SOCKET
          + " has no images; namespaces with images: k8s.io (?namespace=NS picks one)");
    }
  }
}
