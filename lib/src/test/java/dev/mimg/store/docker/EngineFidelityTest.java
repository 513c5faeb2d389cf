package dev.mimg.store.docker;

import dev.mimg.bed.BedTest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mimg.bed.Bed;
import dev.mimg.model.Image;
import dev.mimg.model.Json;
import dev.mimg.model.Variant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * For every fixture on the bed, what mimg's engine store reports (platforms, availability, digests, sizes,
 * in-use) equals what the engine itself says: its raw API answer and the docker CLI's own listing.
 */
@BedTest
class EngineFidelityTest {

  private static List<Image> images;
  private static Json raw;

  @BeforeAll
  static void load() {
    try (DockerEngineStore store = DockerEngineStore.connect(Bed.snap())) {
      images = store.images();
      raw = store.client().get("/images/json?manifests=1");
      assertThat(store.notices()).isEmpty();
    }
  }

  @Test
  void everyImageAndVariantMatchesTheEngineApi() {
    assertThat(images.size()).isEqualTo(raw.size()).isEqualTo(12);
    for (Json summary : raw) {
      Image image = byId(summary.path("Id").asText());
      // the engine lists an image pulled by digest with its digest reference among RepoTags; that is no tag
      assertThat(image.tags()).map(Object::toString).containsExactlyInAnyOrderElementsOf(
          texts(summary.path("RepoTags")).stream().filter(tag -> !tag.contains("@")).toList());
      assertThat(image.digestRefs()).map(Object::toString).containsAll(texts(summary.path("RepoDigests")));
      assertThat(image.created().getEpochSecond()).isEqualTo(summary.path("Created").asLong());
      assertThat(image.variants()).hasSize(summary.path("Manifests").size());
      long content = 0;
      for (Json manifest : summary.path("Manifests")) {
        Variant variant = image.variants().stream()
            .filter(v -> v.digest().toString().equals(manifest.path("ID").asText())).findFirst().orElseThrow();
        Json platform = manifest.path("ImageData").has("Platform")
            ? manifest.path("ImageData").path("Platform") : manifest.path("Descriptor").path("platform");
        assertThat(variant.platform().os()).isEqualTo(platform.path("os").asText());
        assertThat(variant.platform().architecture()).isEqualTo(platform.path("architecture").asText());
        assertThat(variant.platform().variant()).isEqualTo(platform.path("variant").asText(""));
        assertThat(variant.available()).isEqualTo(manifest.path("Available").asBoolean());
        assertThat(variant.kind().name()).isEqualToIgnoringCase(manifest.path("Kind").asText());
        assertThat(variant.contentSize()).isEqualTo(manifest.path("Size").path("Content").asLong());
        assertThat(variant.diskUsage()).isEqualTo(manifest.path("Size").path("Total").asLong());
        assertThat(variant.containers()).containsExactlyInAnyOrderElementsOf(
            texts(manifest.path("ImageData").path("Containers")));
        if (variant.isPresent()) {
          content += variant.contentSize();
        }
      }
      assertThat(image.contentSize()).isEqualTo(content);
      assertThat(image.diskUsage()).isEqualTo(summary.path("Size").asLong());
    }
  }

  @Test
  void shallowFixtureHasThreeOfSevenPlatforms() {
    Image alpine = byTag("mimg/alpine:3.16");
    assertThat(alpine.total()).isEqualTo(7);
    assertThat(alpine.platforms()).map(Object::toString)
        .containsExactly("linux/amd64", "linux/arm64/v8", "linux/s390x");
    assertThat(alpine.isShallow()).isTrue();
    assertThat(alpine.tags()).map(Object::toString)
        .containsExactlyInAnyOrder(Bed.ref("mimg/alpine:3.16"), Bed.ref("mimg/alpine:latest"));
    Image busybox = byTag("mimg/busybox:1.36");
    assertThat(busybox.platforms()).map(Object::toString).containsExactly("linux/riscv64");
    Image single = byTag("mimg/single:1.0");
    assertThat(single.isIndex()).isFalse();
    assertThat(single.isShallow()).isFalse();
    assertThat(single.variants()).singleElement().extracting(v -> v.digest()).isEqualTo(single.id());
  }

  @Test
  void attestationsAreKeptApartFromPlatforms() {
    Image attested = byTag("mimg/attested:1");
    assertThat(attested.total()).isEqualTo(2);
    List<Variant> attestations = attested.variants().stream().filter(v -> v.kind() == Variant.Kind.ATTESTATION).toList();
    assertThat(attestations).hasSize(2).allSatisfy(a -> assertThat(a.platform().isUnknown()).isTrue());
    assertThat(attestations).map(Variant::attestationFor)
        .containsExactlyInAnyOrderElementsOf(attested.platformVariants().stream().map(Variant::digest).toList());
  }

  @Test
  void inUseMatchesTheContainersTheEngineLists() {
    Json containers;
    try (EngineClient client = new EngineClient(Bed.snap())) {
      containers = client.get("/containers/json?all=1");
    }
    Map<String, Set<String>> byVariant = new HashMap<>();
    for (Json container : containers) {
      byVariant.computeIfAbsent(container.path("ImageManifestDescriptor").path("digest").asText(), k -> new TreeSet<>())
          .add(container.path("Id").asText());
    }
    Map<String, Set<String>> mimg = new HashMap<>();
    images.stream().flatMap(i -> i.variants().stream()).filter(Variant::inUse)
        .forEach(v -> mimg.put(v.digest().toString(), new TreeSet<>(v.containers())));
    assertThat(mimg).isEqualTo(byVariant);
    Image alpine = byTag("mimg/alpine:3.16");
    assertThat(alpine.present()).extracting(v -> v.platform().toString(), v -> v.containers().size())
        .containsExactly(org.assertj.core.groups.Tuple.tuple("linux/amd64", 2),
            org.assertj.core.groups.Tuple.tuple("linux/arm64/v8", 1), org.assertj.core.groups.Tuple.tuple("linux/s390x", 0));
  }

  @Test
  void danglingAndUntaggedAgreeWithTheEngineFilter() {
    String engineDangling = Bed.docker("image", "ls", "-q", "--no-trunc", "--filter", "dangling=true").strip();
    Set<String> mimgDangling = images.stream().filter(Image::isDangling).map(i -> i.id().toString())
        .collect(Collectors.toSet());
    assertThat(mimgDangling).containsExactlyInAnyOrder(engineDangling.split("\n"));
    Image byDigest = images.stream().filter(i -> i.tags().isEmpty() && !i.digestRefs().isEmpty())
        .findFirst().orElseThrow();
    assertThat(byDigest.digestRefs().get(0).familiarName()).isEqualTo(Bed.registry() + "/mimg/bydigest");
    assertThat(byDigest.isDangling()).isFalse();
  }

  @Test
  void namesAndIdsMatchTheDockerCliListing() {
    String listing = Bed.docker("image", "ls", "--format", "{{.Repository}} {{.Tag}} {{.ID}}");
    List<String> mimgRows = new ArrayList<>();
    for (Image image : images) {
      for (var name : image.isDangling() ? List.of(dev.mimg.model.ImageName.NO_NAME) : image.listedNames()) {
        mimgRows.add(name.repository() + " " + name.tag() + " " + image.shortId());
      }
    }
    assertThat(mimgRows).containsExactlyInAnyOrder(listing.strip().split("\n"));
  }

  @Test
  void oneImageReReadThroughTheReferenceFilterHasTheVariantsOfTheFullListing() {
    try (DockerEngineStore store = DockerEngineStore.connect(Bed.snap())) {
      for (Image image : images) {
        Image current = store.current(image).orElseThrow();
        // the engine's filtered answer names only the matching tags; id and variants are what a re-check uses
        assertThat(current.id()).isEqualTo(image.id());
        assertThat(current.variants()).as(image.tags().toString()).isEqualTo(image.variants());
      }
    }
  }

  private static Image byId(String id) {
    return images.stream().filter(i -> i.id().toString().equals(id)).findFirst().orElseThrow();
  }

  private static Image byTag(String tag) {
    String full = Bed.ref(tag);
    return images.stream().filter(i -> i.tags().stream().anyMatch(t -> t.toString().equals(full)))
        .findFirst().orElseThrow(() -> new AssertionError("no image tagged " + full));
  }

  private static List<String> texts(Json array) {
    List<String> result = new ArrayList<>();
    array.forEach(node -> result.add(node.asText()));
    return result;
  }
}
