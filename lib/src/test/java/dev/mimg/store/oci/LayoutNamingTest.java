package dev.mimg.store.oci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimg.model.Descriptor;
import dev.mimg.model.Platform;
import dev.mimg.model.Reference;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index.json entries a pull writes: a moved tag leaves its old image unnamed, only when nothing else names it. */
class LayoutNamingTest {

  private static final Reference TAG = Reference.parse("example.com/app:1");

  @TempDir
  Path dir;

  @Test
  void aMovedTagLeavesTheOldImageAsOneUnnamedEntryThatANewNameReplaces() {
    TestLayout test = TestLayout.create(dir);
    Descriptor first = test.index(test.image(Platform.parse("linux/amd64"), "2024-01-01T00:00:00Z", 10));
    Descriptor second = test.index(test.image(Platform.parse("linux/amd64"), "2024-01-02T00:00:00Z", 20));
    LayoutNaming.name(test.layout, TAG, first, List.of());
    LayoutNaming.name(test.layout, TAG, second, List.of());
    LayoutNaming.name(test.layout, TAG, first, List.of());
    assertThat(entries(test)).containsExactly(second.digest() + " null", first.digest() + " " + TAG);
    LayoutNaming.name(test.layout, TAG, first, List.of());
    assertThat(entries(test)).containsExactly(second.digest() + " null", first.digest() + " " + TAG);
  }

  @Test
  void anOldImageWithAnotherNameKeepsOnlyThatName() {
    TestLayout test = TestLayout.create(dir);
    Descriptor first = test.index(test.image(Platform.parse("linux/amd64"), "2024-01-01T00:00:00Z", 10));
    Descriptor second = test.index(test.image(Platform.parse("linux/amd64"), "2024-01-02T00:00:00Z", 20));
    Reference byDigest = Reference.parse("example.com/app@" + first.digest());
    LayoutNaming.name(test.layout, TAG, first, List.of());
    LayoutNaming.name(test.layout, byDigest, first, List.of());
    LayoutNaming.name(test.layout, TAG, second, List.of());
    assertThat(entries(test)).containsExactly(first.digest() + " " + byDigest, second.digest() + " " + TAG);
    assertThat(new OciLayoutStore(test.layout, Platform.parse("linux/amd64")).images())
        .noneMatch(dev.mimg.model.Image::isDangling);
  }

  @Test
  void contentRemovedDuringThePullIsNeverNamed() throws Exception {
    TestLayout test = TestLayout.create(dir);
    Descriptor image = test.index(test.image(Platform.parse("linux/amd64"), "2024-01-01T00:00:00Z", 10));
    byte[] before = java.nio.file.Files.readAllBytes(test.layout.directory().resolve("index.json"));
    dev.mimg.model.Digest gone = dev.mimg.model.Digest.sha256Of("collected meanwhile".getBytes());
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> LayoutNaming.name(test.layout, TAG, image, List.of(image.digest(), gone)))
        .isInstanceOf(dev.mimg.store.StoreException.class)
        .hasMessageContaining("was removed while it was being pulled").hasMessageContaining("nothing was named");
    assertThat(java.nio.file.Files.readAllBytes(test.layout.directory().resolve("index.json"))).isEqualTo(before);
  }

  private static List<String> entries(TestLayout test) {
    return test.layout.index().manifests().stream()
        .map(d -> d.digest() + " " + d.annotations().get(OciLayout.REF_NAME_ANNOTATION)).toList();
  }
}
