package dev.mimg.store.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mimg.model.Descriptor;
import dev.mimg.model.Digest;
import dev.mimg.model.Image;
import dev.mimg.model.Json;
import dev.mimg.model.MediaTypes;
import dev.mimg.model.Platform;
import dev.mimg.model.Reference;
import dev.mimg.model.Variant;
import dev.mimg.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The layout as an image store: names, shallow variants, sizes, created, inspect and removals on layouts written here. */
class OciLayoutStoreTest {

  private static final Platform AMD64 = Platform.of("linux", "amd64", "");
  private static final Platform ARM64 = Platform.of("linux", "arm64", "v8");
  private static final Platform S390X = Platform.of("linux", "s390x", "");

  @TempDir
  Path parent;
  Path dir;
  TestLayout test;
  Descriptor amd64;
  Descriptor arm64;
  Descriptor s390x;
  Descriptor index;

  @BeforeEach
  void layout() {
    dir = parent.resolve("My Layout");
    test = TestLayout.create(dir);
    arm64 = test.image(ARM64, "2024-02-02T00:00:00Z", 200);
    amd64 = test.image(AMD64, "2024-01-01T00:00:00Z", 100);
    s390x = test.image(S390X, "2024-03-03T00:00:00Z", 300);
    index = test.index(arm64, amd64, s390x);
    test.entry("example.com/app:1", index);
    test.entry("3.16", index);
    test.entry(null, test.image(AMD64, "2023-05-05T00:00:00Z", 50));
  }

  @Test
  void entriesWithOneDigestAreOneImageWithEveryName() {
    List<Image> images = store(AMD64).images();
    assertThat(images).hasSize(2);
    Image app = images.get(0);
    assertThat(app.id()).isEqualTo(index.digest());
    assertThat(app.isIndex()).isTrue();
    assertThat(app.tags()).map(Reference::toString)
        .containsExactly("example.com/app:1", "docker.io/library/my-layout:3.16");
    assertThat(app.digestRefs()).map(Reference::toString).containsExactly(
        "example.com/app@" + index.digest(), "docker.io/library/my-layout@" + index.digest());
    assertThat(images.get(1).isDangling()).isTrue();
    assertThat(images.get(1).isIndex()).isFalse();
    assertThat(images.get(1).variants()).singleElement().satisfies(v -> {
      assertThat(v.digest()).isEqualTo(images.get(1).id());
      assertThat(v.platform()).isEqualTo(AMD64);
    });
  }

  @Test
  void aVariantIsAvailableOnlyWithManifestConfigAndEveryLayer() throws Exception {
    Files.delete(blob(arm64.digest()));
    Files.delete(blob(test.layout.readManifestBlob(s390x.digest()).layers().get(0).digest()));
    Image app = store(AMD64).images().get(0);
    assertThat(app.platformVariants()).extracting(v -> v.platform().toString(), Variant::available, Variant::contentSize)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("linux/arm64/v8", false, 0L),
            org.assertj.core.groups.Tuple.tuple("linux/amd64", true, amd64.size() + configSize(amd64) + 100),
            org.assertj.core.groups.Tuple.tuple("linux/s390x", false, 0L));
    assertThat(app.isShallow()).isTrue();
    assertThat(app.present()).hasSize(1);
    assertThat(app.variants()).allSatisfy(v -> assertThat(v.unpackedSize()).isZero());
  }

  @Test
  void createdComesFromTheHostVariantElseTheFirstAvailable() throws Exception {
    assertThat(store(AMD64).images().get(0).created()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
    assertThat(store(Platform.of("linux", "riscv64", "")).images().get(0).created())
        .isEqualTo(Instant.parse("2024-02-02T00:00:00Z"));
    Files.delete(blob(arm64.digest()));
    assertThat(store(Platform.of("linux", "riscv64", "")).images().get(0).created())
        .isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
    assertThat(store(AMD64).images().get(0).labels()).containsEntry("platform", "linux/amd64");
  }

  @Test
  void attestationsAreKeptApartAndPointAtTheirImage() {
    Descriptor statement = test.blob("application/vnd.in-toto+json", TestLayout.utf8("{}"));
    Descriptor config = test.blob(MediaTypes.OCI_CONFIG, TestLayout.utf8("{}"));
    Descriptor stored = test.json(MediaTypes.OCI_MANIFEST, Map.of("schemaVersion", 2, "mediaType", MediaTypes.OCI_MANIFEST,
        "config", config, "layers", List.of(statement)));
    Descriptor attestation = new Descriptor(stored.mediaType(), stored.digest(), stored.size(),
        dev.mimg.model.PlatformJson.from(Platform.of("unknown", "unknown", "")),
        Map.of(Descriptor.REFERENCE_TYPE_ANNOTATION, Descriptor.ATTESTATION_MANIFEST,
            Descriptor.REFERENCE_DIGEST_ANNOTATION, amd64.digest().toString()), null);
    test.entry("example.com/attested:1", test.index(amd64, attestation));
    Image attested = store(AMD64).images().stream().filter(i -> i.tags().toString().contains("attested"))
        .findFirst().orElseThrow();
    assertThat(attested.total()).isEqualTo(1);
    assertThat(attested.variants().get(1)).satisfies(v -> {
      assertThat(v.kind()).isEqualTo(Variant.Kind.ATTESTATION);
      assertThat(v.attestationFor()).isEqualTo(amd64.digest());
      assertThat(v.available()).isTrue();
      assertThat(v.contentSize()).isEqualTo(stored.size() + 2 + 2);
    });
  }

  @Test
  void inspectShowsTheVariantsConfigLikeDocker() {
    OciLayoutStore store = store(AMD64);
    Image app = store.images().get(0);
    Variant arm = app.variants().get(0);
    Json inspect = store.inspect(app, arm);
    assertThat(inspect.path("Id").asText()).isEqualTo(index.digest().toString());
    assertThat(inspect.path("RepoTags")).map(Json::asText).containsExactly("example.com/app:1", "my-layout:3.16");
    assertThat(inspect.path("Created").asText()).isEqualTo("2024-02-02T00:00:00Z");
    assertThat(inspect.path("Architecture").asText()).isEqualTo("arm64");
    assertThat(inspect.path("Os").asText()).isEqualTo("linux");
    assertThat(inspect.path("Variant").asText()).isEqualTo("v8");
    assertThat(inspect.path("Size").asLong()).isEqualTo(arm.contentSize());
    assertThat(inspect.path("Config").path("Cmd").get(0).asText()).isEqualTo("/bin/true");
    assertThat(inspect.path("RootFS").path("Layers")).hasSize(1);
  }

  @Test
  void removingVariantsKeepsTheIndexAndFreesWhatNothingElseUses() throws Exception {
    OciLayoutStore store = store(AMD64);
    Image app = store.images().get(0);
    Digest armConfig = test.layout.readManifestBlob(arm64.digest()).config().digest();
    Digest amdConfig = test.layout.readManifestBlob(amd64.digest()).config().digest();
    store.removeVariants("example.com/app:1", List.of(app.variants().get(0)));
    Image after = store.images().get(0);
    assertThat(after.id()).isEqualTo(app.id());
    assertThat(after.platforms()).containsExactly(AMD64, S390X);
    assertThat(after.total()).isEqualTo(3);
    assertThat(test.layout.hasBlob(index.digest())).isTrue();
    assertThat(test.layout.hasBlob(arm64.digest())).isFalse();
    assertThat(test.layout.hasBlob(armConfig)).isFalse();
    assertThat(test.layout.hasBlob(amdConfig)).isTrue();
    assertThat(test.layout.index().manifests()).hasSize(3);
    assertThat(test.layout.gc()).as("nothing left behind").isZero();
  }

  @Test
  void removingAnImageDropsEveryNameAndItsContent() {
    OciLayoutStore store = store(AMD64);
    Image app = store.images().get(0);
    store.removeImage(app);
    assertThat(store.images()).singleElement().satisfies(i -> assertThat(i.isDangling()).isTrue());
    assertThat(test.layout.hasBlob(index.digest())).isFalse();
    assertThat(test.layout.hasBlob(s390x.digest())).isFalse();
    assertThat(test.layout.gc()).as("nothing left behind").isZero();
  }

  @Test
  void engineThingsAreAnsweredPlainly() {
    OciLayoutStore store = store(AMD64);
    assertThat(store.containerNames()).isEmpty();
    assertThat(store.describe()).isEqualTo("oci-layout " + test.layout.directory());
    assertThat(store.notices()).isEmpty();
    assertThatThrownBy(() -> store.removeVariants("example.com/nothing:1", List.of()))
        .isInstanceOf(StoreException.class).hasMessage("no image example.com/nothing:1 in " + store.describe());
  }

  private OciLayoutStore store(Platform host) {
    return new OciLayoutStore(OciLayout.open(dir), host);
  }

  private long configSize(Descriptor manifest) {
    return test.layout.readManifestBlob(manifest.digest()).config().size();
  }

  private Path blob(Digest digest) {
    return dir.resolve("blobs/sha256/" + digest.hex());
  }
}
