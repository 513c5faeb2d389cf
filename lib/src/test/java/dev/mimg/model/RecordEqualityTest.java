package dev.mimg.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The records whose equals and hashCode are written out (no record bootstrap at start-up) compare exactly as the
 * generated ones did: equal with every component equal, unequal when any one differs.
 */
class RecordEqualityTest {

  private static final Digest A = Digest.parse("sha256:" + "a".repeat(64));
  private static final Digest B = Digest.parse("sha256:" + "b".repeat(64));
  private static final Platform AMD64 = Platform.of("linux", "amd64", "");
  private static final ImageName TAG = ImageName.of(Reference.parse("example.com/app:1"));
  private static final Variant VARIANT = new Variant(A, AMD64, Variant.Kind.IMAGE, true, 10, 20, List.of("c1"), B);
  private static final Image IMAGE = new Image(A, MediaTypes.OCI_INDEX, List.of(TAG),
      List.of(Reference.parse("example.com/app@" + A)), Instant.EPOCH, List.of(VARIANT), Map.of("k", "v"));

  @Test
  void digest() {
    // the algorithm cannot change alone (its hex length goes with it): the hex, and both together
    Digest sha512 = Digest.parse("sha512:" + "a".repeat(128));
    assertThat(new Digest(Digest.SHA256, "a".repeat(64))).isEqualTo(A).hasSameHashCodeAs(A).isNotEqualTo(B);
    assertThat(sha512).isEqualTo(new Digest(Digest.SHA512, "a".repeat(128))).isNotEqualTo(A);
    assertThat(A).isNotEqualTo(null).isNotEqualTo(A.toString());
  }

  @Test
  void platform() {
    assertComparesEveryComponent(Platform.of("linux", "arm", "v7"), Map.of("os", "windows", "architecture", "arm64",
        "variant", "v6"));
    assertThat(Platform.of("linux", "arm64", null)).isEqualTo(Platform.of("linux", "arm64", ""));
  }

  @Test
  void imageName() {
    assertComparesEveryComponent(TAG, Map.of("written", "app:1", "reference", Reference.parse("example.com/app:2"),
        "repository", "app", "tag", "2"));
    assertComparesEveryComponent(ImageName.unparsed("v1+meta", "dir"), Map.of("written", "v2",
        "reference", Reference.parse("example.com/app:2"), "repository", "other", "tag", "v2"));
  }

  @Test
  void variant() {
    assertComparesEveryComponent(VARIANT, Map.of("digest", B, "platform", Platform.of("linux", "arm64", ""),
        "kind", Variant.Kind.ATTESTATION, "available", false, "contentSize", 11L, "unpackedSize", 21L,
        "containers", List.of("c2"), "attestationFor", A));
  }

  @Test
  void image() {
    assertComparesEveryComponent(IMAGE, Map.of("id", B, "mediaType", MediaTypes.OCI_MANIFEST,
        "names", List.of(ImageName.of(Reference.parse("example.com/app:2"))), "digestRefs", List.of(),
        "created", Instant.ofEpochSecond(1), "variants", List.of(), "labels", Map.of("k", "w"), "store", "b"));
  }

  @Test
  void imageVariant() {
    assertComparesEveryComponent(new ImageVariant(IMAGE, VARIANT), Map.of("image",
        new Image(B, null, List.of(), List.of(), Instant.EPOCH, List.of(), null), "variant",
        new Variant(B, AMD64, Variant.Kind.IMAGE, true, 10, 20, List.of("c1"), B)));
  }

  /** A copy is equal (same hash); changing any one component to its value in {@code others} makes it unequal. */
  private static void assertComparesEveryComponent(Record sample, Map<String, Object> others) {
    RecordComponent[] components = sample.getClass().getRecordComponents();
    assertThat(others.keySet()).as("a different value for every component")
        .containsExactlyInAnyOrder(Arrays.stream(components).map(RecordComponent::getName).toArray(String[]::new));
    Object[] values = Arrays.stream(components).map(c -> value(sample, c)).toArray();
    Record copy = create(sample, values);
    assertThat(copy).isNotSameAs(sample).isEqualTo(sample).hasSameHashCodeAs(sample);
    assertThat(sample).isEqualTo(sample).isNotEqualTo(null).isNotEqualTo(sample.toString());
    for (int i = 0; i < components.length; i++) {
      Object[] changed = values.clone();
      changed[i] = others.get(components[i].getName());
      Record different = create(sample, changed);
      assertThat(different).as(components[i].getName()).isNotEqualTo(sample);
      assertThat(sample).as(components[i].getName()).isNotEqualTo(different);
    }
  }

  private static Object value(Record record, RecordComponent component) {
    try {
      return component.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static Record create(Record sample, Object[] values) {
    Class<?>[] types = Arrays.stream(sample.getClass().getRecordComponents()).map(RecordComponent::getType)
        .toArray(Class<?>[]::new);
    try {
      return (Record) sample.getClass().getDeclaredConstructor(types).newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
