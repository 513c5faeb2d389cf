package dev.mimg.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimg.model.Digest;
import dev.mimg.model.Image;
import dev.mimg.model.Variant;
import dev.mimg.view.ViewFixtures;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The DSL's further steps and terminals over an in-memory store (pure selection logic). */
class ImageQueryStepsTest {

  private static final FakeStore STORE = new FakeStore(List.of(ViewFixtures.dangling(), ViewFixtures.byDigest(),
      ViewFixtures.attested(), ViewFixtures.single(), ViewFixtures.alpine()));

  private static ImageQuery images() {
    return Mimg.images(STORE);
  }

  private static List<String> shown(ImageQuery query, Image image) {
    return image.variants().stream().filter(v -> query.shownVariants().test(image, v))
        .map(v -> v.platform().toString()).toList();
  }

  @Test
  void missingSelectsImagesWithMissingPlatformsAndOnlyThoseVariants() {
    ImageQuery missing = images().missing();
    assertThat(missing.list()).extracting(Image::id).containsExactlyElementsOf(images().shallow().list().stream()
        .map(Image::id).toList());
    Image alpine = images().reference("alpine:3.16").first().orElseThrow();
    assertThat(shown(missing, alpine)).doesNotContain("linux/amd64", "linux/arm64/v8", "linux/s390x")
        .contains("linux/386", "linux/ppc64le");
  }

  @Test
  void notPlatformSelectsTheOtherPresentVariants() {
    ImageQuery others = images().notPlatform("linux/amd64");
    Image alpine = others.reference("alpine:3.16").first().orElseThrow();
    assertThat(shown(others, alpine)).containsExactly("linux/arm64/v8", "linux/s390x");
    assertThat(others.list()).extracting(Image::id).doesNotContain(ViewFixtures.SINGLE_ID);
  }

  @Test
  void inUseAndUnusedSplitTheImages() {
    assertThat(images().inUse().count() + images().unused().count()).isEqualTo(images().count());
    assertThat(images().inUse().list()).allSatisfy(image -> assertThat(image.containers()).isNotEmpty());
  }

  @Test
  void sizesAgesOrderAndLimit() {
    long all = images().totalBytes();
    assertThat(all).isEqualTo(images().list().stream().mapToLong(Image::contentSize).sum()).isPositive();
    assertThat(images().largerThan(all).count()).isZero();
    assertThat(images().olderThan(Duration.ofDays(365 * 100)).count()).isZero();
    assertThat(images().olderThan(Duration.ZERO).count()).isEqualTo(images().count());
    List<Image> bySize = images().sortBy(Comparator.comparingLong(Image::contentSize).reversed()).limit(2).list();
    assertThat(bySize).hasSize(2);
    assertThat(bySize.get(0).contentSize()).isGreaterThanOrEqualTo(bySize.get(1).contentSize());
    assertThat(bySize.get(0).contentSize()).isEqualTo(images().list().stream().mapToLong(Image::contentSize).max()
        .orElseThrow());
  }

  @Test
  void stepsAreImmutable() {
    ImageQuery base = images();
    base.missing();
    base.limit(1);
    assertThat(base.count()).isEqualTo(5);
    assertThat(shown(base, ViewFixtures.alpine())).hasSize(ViewFixtures.alpine().variants().size());
    assertThat(base.first().map(Image::id).map(Digest::shortId)).isPresent();
    assertThat(ViewFixtures.alpine().variants()).extracting(Variant::isImage).contains(true);
  }
}
