package dev.mimg.store.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mimg.model.Descriptor;
import dev.mimg.model.Digest;
import dev.mimg.model.ImageIndex;
import dev.mimg.model.MediaTypes;
import dev.mimg.model.Platform;
import dev.mimg.model.PlatformJson;
import dev.mimg.store.StoreException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which child of an index a layout pull takes: strict for an asked platform, containerd's fallbacks by default. */
class ChildChooserTest {

  private static final ImageIndex INDEX = index("linux/386", "linux/arm/v6", "linux/arm/v7", "linux/arm64/v8",
      "linux/s390x");

  @Test
  void anAskedPlatformMatchesStrictlyAfterNormalization() {
    assertThat(platformOf(ChildChooser.choose(INDEX, Platform.parse("linux/arm64"), amd64(), "x"))).isEqualTo(
        "linux/arm64/v8");
    assertThat(platformOf(ChildChooser.choose(INDEX, Platform.parse("linux/arm/v6"), amd64(), "x"))).isEqualTo(
        "linux/arm/v6");
  }

  @Test
  void theDefaultFallsBackAsContainerdDoes() {
    assertThat(platformOf(ChildChooser.choose(INDEX, null, amd64(), "x"))).isEqualTo("linux/386");
    assertThat(platformOf(ChildChooser.choose(index("linux/arm/v6", "linux/arm/v7"), null,
        Platform.parse("linux/arm64"), "x"))).isEqualTo("linux/arm/v7");
  }

  @Test
  void attestationsAreNeverChosenAndAMissingPlatformListsTheOthers() {
    Descriptor attestation = new Descriptor(MediaTypes.OCI_MANIFEST, digest(9), 1,
        PlatformJson.from(Platform.of("unknown", "unknown", "")),
        Map.of(Descriptor.REFERENCE_TYPE_ANNOTATION, Descriptor.ATTESTATION_MANIFEST), null);
    ImageIndex index = new ImageIndex(2, MediaTypes.OCI_INDEX, List.of(attestation, child("linux/s390x", 1)), null);
    assertThatThrownBy(() -> ChildChooser.choose(index, null, amd64(), "r/x:1"))
        .isInstanceOf(StoreException.class)
        .hasMessage("r/x:1 has no platform linux/amd64 (the host's default) (its index lists: linux/s390x)");
    assertThatThrownBy(() -> ChildChooser.choose(INDEX, Platform.parse("linux/arm/v5"), amd64(), "r/x:1"))
        .hasMessage("r/x:1 has no platform linux/arm/v5 (its index lists: linux/386, linux/arm/v6, linux/arm/v7, "
            + "linux/arm64/v8, linux/s390x)");
  }

  @Test
  void everyPlatformTakesTheFirstChildOfEachPlatformAndNoAttestation() {
    Descriptor attestation = new Descriptor(MediaTypes.OCI_MANIFEST, digest(9), 1,
        PlatformJson.from(Platform.of("unknown", "unknown", "")),
        Map.of(Descriptor.REFERENCE_TYPE_ANNOTATION, Descriptor.ATTESTATION_MANIFEST), null);
    ImageIndex index = new ImageIndex(2, MediaTypes.OCI_INDEX, List.of(child("linux/amd64", 1), attestation,
        child("linux/arm64", 2), child("linux/arm64/v8", 3), child("linux/s390x", 4)), null);
    assertThat(ChildChooser.everyPlatform(index, amd64(), "x")).extracting(Descriptor::digest)
        .containsExactly(digest(1), digest(2), digest(4));
    ImageIndex onlyAttestations = new ImageIndex(2, MediaTypes.OCI_INDEX, List.of(attestation), null);
    assertThatThrownBy(() -> ChildChooser.everyPlatform(onlyAttestations, amd64(), "r/x:1"))
        .isInstanceOf(StoreException.class)
        .hasMessage("r/x:1 has no platform linux/amd64 (the host's default) (its index lists: none)");
  }

  private static Platform amd64() {
    return Platform.parse("linux/amd64");
  }

  private static String platformOf(Descriptor child) {
    return child.declaredPlatform().orElseThrow().toString();
  }

  private static ImageIndex index(String... platforms) {
    List<Descriptor> children = new java.util.ArrayList<>();
    for (int i = 0; i < platforms.length; i++) {
      children.add(child(platforms[i], i));
    }
    return new ImageIndex(2, MediaTypes.OCI_INDEX, children, null);
  }

  private static Descriptor child(String platform, int n) {
    return new Descriptor(MediaTypes.OCI_MANIFEST, digest(n), 100, PlatformJson.from(Platform.parse(platform)), null,
        null);
  }

  private static Digest digest(int n) {
    return Digest.sha256Of(new byte[] {(byte) n});
  }
}
