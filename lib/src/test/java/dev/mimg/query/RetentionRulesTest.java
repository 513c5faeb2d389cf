package dev.mimg.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimg.model.Digest;
import dev.mimg.model.Image;
import dev.mimg.model.MediaTypes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** "Keep the last N tags per repository": newest by image creation time, ties by tag name; pure logic. */
class RetentionRulesTest {

  private static Image image(String created, String... tags) {
    return new Image(Digest.sha256Of(String.join(",", tags).getBytes(StandardCharsets.UTF_8)), MediaTypes.OCI_INDEX,
        dev.mimg.view.ViewFixtures.names(tags), List.of(), Instant.parse(created + "T00:00:00Z"),
        List.of(), Map.of());
  }

  private static final List<Image> IMAGES = List.of(
      image("2024-01-01", "app:1.0"),
      image("2024-02-01", "app:1.1"),
      image("2024-03-01", "app:1.2", "app:stable"),
      image("2024-04-01", "app:2.0"),
      image("2024-04-01", "app:1.9"),                       // same day as 2.0: tag name breaks the tie
      image("2023-01-01", "tool:old"),
      new Image(Digest.sha256Of(new byte[] {1}), MediaTypes.OCI_INDEX, List.of(), List.of(),
          Instant.parse("2020-01-01T00:00:00Z"), List.of(), Map.of()));

  private static List<String> beyond(int n) {
    return Mimg.images(new FakeStore(IMAGES)).beyondLast(n).list().stream()
        .map(image -> image.tags().get(0).familiarString()).sorted().toList();
  }

  @Test
  void keepsTheNewestNTagsOfEachRepository() {
    // app by age: 2.0 (tie with 1.9: the later tag name is the newer), 1.9, then 1.2 and stable, 1.1, 1.0
    assertThat(beyond(2)).containsExactly("app:1.0", "app:1.1", "app:1.2");
    assertThat(beyond(3)).containsExactly("app:1.0", "app:1.1");
    assertThat(beyond(1)).containsExactly("app:1.0", "app:1.1", "app:1.2", "app:1.9");
    assertThat(beyond(10)).isEmpty();
  }

  @Test
  void untaggedImagesAreLeftToTheirOwnRule() {
    assertThat(Mimg.images(new FakeStore(IMAGES)).beyondLast(0).list()).hasSize(6);
    assertThat(Mimg.images(new FakeStore(IMAGES)).untagged().list()).singleElement()
        .extracting(image -> image.tags().isEmpty()).isEqualTo(true);
  }

  @Test
  void excludePatternsProtectMatchingTags() {
    assertThat(Mimg.images(new FakeStore(IMAGES)).beyondLast(1).excludeReference("app:1.*").list())
        .isEmpty(); // the newest is 2.0; every other tag is 1.*
  }
}
