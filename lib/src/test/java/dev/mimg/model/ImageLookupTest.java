package dev.mimg.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mimg.view.ViewFixtures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Finding an image or a variant by what the user typed. */
class ImageLookupTest {

  private static final List<Image> IMAGES = ViewFixtures.all();

  private static ImageLookup.Found find(String name) {
    return ImageLookup.find(IMAGES, name);
  }

  @Test
  void byFamiliarTag() {
    ImageLookup.Found found = find("alpine:3.16");
    assertThat(found.image().id()).isEqualTo(ViewFixtures.ALPINE_ID);
    assertThat(found.variant()).isNull();
  }

  @Test
  void familiarNameWithoutTagMeansLatest() {
    assertThat(find("alpine").image().id()).isEqualTo(ViewFixtures.ALPINE_ID);
    assertThat(find("docker.io/library/alpine:latest").image().id()).isEqualTo(ViewFixtures.ALPINE_ID);
    assertThat(find("library/alpine:3.16").image().id()).isEqualTo(ViewFixtures.ALPINE_ID);
    assertThat(find("index.docker.io/library/alpine").image().id()).isEqualTo(ViewFixtures.ALPINE_ID);
  }

  @Test
  void noImplicitLatestForAnImageWithoutIt() {
    assertThatThrownBy(() -> find("example.com/tools/single"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("no such image: example.com/tools/single");
    assertThat(find("example.com/tools/single:1.0").image().id()).isEqualTo(ViewFixtures.SINGLE_ID);
    assertThat(find("me/attested:1").image().id()).isEqualTo(ViewFixtures.ATTESTED_ID);
  }

  @Test
  void byDigestReference() {
    assertThat(find("127.0.0.1:5123/mimg/bydigest@" + ViewFixtures.BYDIGEST_ID).image().id())
        .isEqualTo(ViewFixtures.BYDIGEST_ID);
    assertThat(find("alpine@" + ViewFixtures.ALPINE_ID).image().id()).isEqualTo(ViewFixtures.ALPINE_ID);
  }

  @Test
  void digestReferenceOfAnotherRepositoryIsUnknown() {
    String name = "other/repo@" + ViewFixtures.ALPINE_ID;
    assertThatThrownBy(() -> find(name)).isInstanceOf(InvalidInputException.class)
        .hasMessage("no such image: " + name);
  }

  @Test
  void byIdPrefixWithAndWithoutAlgorithm() {
    assertThat(find("0ac33e5f5afa").image().id()).isEqualTo(ViewFixtures.ALPINE_ID);
    assertThat(find("0ac3").image().id()).isEqualTo(ViewFixtures.ALPINE_ID);
    assertThat(find("sha256:0ac33e").image().id()).isEqualTo(ViewFixtures.ALPINE_ID);
    assertThat(find(ViewFixtures.DANGLING_ID.toString()).image().id()).isEqualTo(ViewFixtures.DANGLING_ID);
    assertThat(find(ViewFixtures.DANGLING_ID.hex()).image().id()).isEqualTo(ViewFixtures.DANGLING_ID);
    assertThat(find("dead0000").variant()).isNull();
  }

  @Test
  void byVariantIdPrefix() {
    ImageLookup.Found found = find("6cae7051d2c3");
    assertThat(found.image().id()).isEqualTo(ViewFixtures.ALPINE_ID);
    assertThat(found.variant().digest()).isEqualTo(ViewFixtures.ALPINE_ARM64);
    assertThat(found.variant().platform()).isEqualTo(Platform.of("linux", "arm64", "v8"));
    ImageLookup.Found missing = find("sha256:4a8c5e3b");
    assertThat(missing.variant().digest()).isEqualTo(ViewFixtures.ALPINE_ARM_V6);
    assertThat(missing.variant().isPresent()).isFalse();
  }

  @Test
  void imageIdWinsOverAVariantIdWithTheSamePrefix() {
    ImageLookup.Found found = find("a77e5700000");
    assertThat(found.image().id()).isEqualTo(ViewFixtures.ATTESTED_ID);
    assertThat(found.variant()).isNull();
    assertThat(find("a77e57000001").variant().digest()).isEqualTo(ViewFixtures.ATTESTED_AMD64);
  }

  @Test
  void ambiguousImageIdPrefix() {
    List<Image> images = new ArrayList<>(IMAGES);
    images.add(new Image(ViewFixtures.digest("0ac3ffff"), MediaTypes.OCI_INDEX, List.of(), List.of(), Instant.EPOCH,
        List.of(), Map.of()));
    assertThatThrownBy(() -> ImageLookup.find(images, "0ac3"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("ambiguous image id sha256:0ac3: it matches 2 images");
    assertThat(ImageLookup.find(images, "0ac33").image().id()).isEqualTo(ViewFixtures.ALPINE_ID);
  }

  @Test
  void sameImageTwiceIsNotAmbiguous() {
    List<Image> images = List.of(ViewFixtures.alpine(), ViewFixtures.alpine());
    assertThat(ImageLookup.find(images, "0ac3").image().id()).isEqualTo(ViewFixtures.ALPINE_ID);
  }

  /**
   * Two different variants starting "cafe": ImageLookup.byId returns the first one it meets instead of reporting the
   * ambiguity as it does for image ids.
   */
  @Test
  void ambiguousVariantIdPrefixIsAnError() {
    Image image = new Image(ViewFixtures.digest("beef"), MediaTypes.OCI_INDEX, List.of(), List.of(), Instant.EPOCH,
        List.of(
            new Variant(ViewFixtures.digest("cafe01"), Platform.of("linux", "amd64", ""), Variant.Kind.IMAGE, true,
                1, 1, List.of(), null),
            new Variant(ViewFixtures.digest("cafe02"), Platform.of("linux", "arm64", ""), Variant.Kind.IMAGE, true,
                1, 1, List.of(), null)),
        Map.of());
    assertThatThrownBy(() -> ImageLookup.find(List.of(image), "cafe"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("ambiguous");
  }

  @Test
  void unknownNameIsNoSuchImage() {
    assertThatThrownBy(() -> find("nope:1"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("no such image: nope:1");
    assertThatThrownBy(() -> find("ffff"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("no such image: ffff");
    assertThatThrownBy(() -> find("sha256:ffff"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("no such image: sha256:ffff");
  }

  /** A full 64-hex id that no image has: Reference.parse rejects it and the user sees "invalid reference". */
  @Test
  void unknownFullIdIsNoSuchImage() {
    String id = "f".repeat(64);
    assertThatThrownBy(() -> find(id))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("no such image: " + id);
  }

  @Test
  void shortHexIsAName() {
    assertThatThrownBy(() -> find("0ac"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("no such image: 0ac");
  }

  @Test
  void malformedReferenceIsInvalidInput() {
    assertThatThrownBy(() -> find("UPPER/Case"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("invalid reference \"UPPER/Case\": repository name must be lowercase");
  }
}
