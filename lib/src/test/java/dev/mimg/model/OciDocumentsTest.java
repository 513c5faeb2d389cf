package dev.mimg.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading OCI documents strictly with one-line errors, and writing them as mimg always wrote index.json. */
class OciDocumentsTest {

  private static final String DIGEST = "sha256:" + "a".repeat(64);

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theExampleStoresIndexIsWrittenBackByteForByte() throws Exception {
    byte[] written = Files.readAllBytes(Path.of("../examples/store/index.json"));
    ImageIndex index = OciDocuments.index(written, "index.json");
    assertThat(JsonText.utf8(OciDocuments.toJson(index))).isEqualTo(written);
  }

  @Test
  void writesFieldsInTheRecordsOrderLeavingOutNullAndEmptyOnes() {
    ImageIndex index = new ImageIndex(2, null, List.of(
        new Descriptor(null, Digest.parse(DIGEST), 0, new PlatformJson("arm64", "linux", "", List.of(), ""),
            Map.of(), "application/example"),
        new Descriptor(MediaTypes.OCI_MANIFEST, null, 5, new PlatformJson(null, null, "10.0", List.of("f"), "v8"),
            Map.of("k", "v"), null)), Map.of());
    assertThat(JsonText.compact(OciDocuments.toJson(index))).isEqualTo("{\"schemaVersion\":2,\"manifests\":["
        + "{\"digest\":\"" + DIGEST + "\",\"size\":0,\"platform\":{\"architecture\":\"arm64\",\"os\":\"linux\"},"
        + "\"artifactType\":\"application/example\"},"
        + "{\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"size\":5,\"platform\":{\"os.version\":\"10.0\","
        + "\"os.features\":[\"f\"],\"variant\":\"v8\"},\"annotations\":{\"k\":\"v\"}}]}");
    assertThat(JsonText.compact(OciDocuments.toJson(new ImageIndex(2, MediaTypes.OCI_INDEX, List.of(), null))))
        .isEqualTo("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_INDEX + "\",\"manifests\":[]}");
    assertThat(JsonText.compact(OciDocuments.toJson(Descriptor.of(null, null, 1)))).isEqualTo("{\"size\":1}");
    assertThat(JsonText.compact(OciDocuments.toJson(new Descriptor(null, null, 1,
        new PlatformJson(null, "", null, null, null), null, null)))).isEqualTo("{\"size\":1,\"platform\":{}}");
  }

  static Stream<Arguments> unreadable() {
    return Stream.of(
        Arguments.of("", "index is not valid JSON: no content"),
        Arguments.of(" null ", "index is empty"),
        Arguments.of("[]", "index is not valid JSON: Cannot deserialize value of type `ImageIndex` from Array value"),
        Arguments.of("{\"schemaVersion\":2,", "index is not valid JSON: Unexpected end-of-input within/between "
            + "Object entries"),
        Arguments.of("{\"schemaVersion\":2", "index is not valid JSON: Unexpected end-of-input: expected close "
            + "marker for Object (start marker at line 1, column 1)"),
        Arguments.of("<html>", "index is not valid JSON: Unexpected character ('<' (code 60)): expected a valid "
            + "value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"),
        Arguments.of("{\"schemaVersion\":1}", "index has schemaVersion 1, expected 2"),
        Arguments.of("{\"manifests\":[]}", "index has schemaVersion 0, expected 2"),
        Arguments.of("{\"schemaVersion\":\"two\"}", "index is not valid JSON: Cannot deserialize value of type "
            + "`long` from String value (member \"schemaVersion\")"),
        Arguments.of("{\"schemaVersion\":2,\"manifests\":[{\"size\":1}]}", "index has a descriptor without a digest"),
        Arguments.of("{\"schemaVersion\":2,\"manifests\":[null]}", "index is not valid JSON: Cannot deserialize "
            + "value of type `Descriptor` from Null value (element 0)"),
        Arguments.of("{\"schemaVersion\":2,\"manifests\":[{\"digest\":\"sha256:../x\"}]}", "index has invalid "
            + "digest \"sha256:../x\": sha256 needs exactly 64 lower-case hex digits"),
        Arguments.of("{\"schemaVersion\":2,\"manifests\":{}}", "index is not valid JSON: Cannot deserialize value "
            + "of type `Array` from Object value (member \"manifests\")"),
        Arguments.of("{\"schemaVersion\":2,\"manifests\":[{\"digest\":\"" + DIGEST + "\",\"platform\":[]}]}",
            "index is not valid JSON: Cannot deserialize value of type `Object` from Array value (member "
            + "\"platform\")"));
  }

  @ParameterizedTest
  @MethodSource("unreadable")
  void anUnreadableIndexIsOneLineNamingTheDocument(String document, String message) {
    assertThatThrownBy(() -> OciDocuments.index(utf8(document), "index"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  @Test
  void aManifestsConfigAndLayersNeedDigests() {
    assertThatThrownBy(() -> OciDocuments.manifest(utf8("{\"schemaVersion\":2,\"config\":{\"size\":1}}"), "manifest m"))
        .hasMessage("manifest m has a descriptor without a digest");
    assertThatThrownBy(() -> OciDocuments.manifest(utf8("{\"config\":{\"digest\":\"" + DIGEST + "\"},\"layers\":"
        + "[{\"digest\":null}]}"), "manifest m")).hasMessage("manifest m has a descriptor without a digest");
    ImageManifest manifest = OciDocuments.manifest(utf8("{\"schemaVersion\":2,\"config\":{\"digest\":\"" + DIGEST
        + "\",\"size\":\"7\"},\"layers\":null,\"unknown\":{\"x\":[1]}}"), "manifest m");
    assertThat(manifest.config().size()).isEqualTo(7);
    assertThat(manifest.layers()).isEmpty();
  }
}
