package dev.mimg.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OciJsonTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static final String AMD64 = "sha256:" + "a".repeat(64);
  private static final String ARM64 = "sha256:" + "b".repeat(64);
  private static final String ATTESTATION = "sha256:" + "c".repeat(64);

  private static final String INDEX_JSON = """
            {
              "schemaVersion": 2,
              "mediaType": "application/vnd.oci.image.index.v1+json",
              "manifests": [
                {
                  "mediaType": "application/vnd.oci.image.manifest.v1+json",
                  "digest": "%s",
                  "size": 1234,
                  "platform": {"architecture": "amd64", "os": "linux"}
                },
                {
                  "mediaType": "application/vnd.oci.image.manifest.v1+json",
                  "digest": "%s",
                  "size": 1235,
                  "platform": {"architecture": "arm64", "os": "linux", "variant": "v8"}
                },
                {
                  "mediaType": "application/vnd.oci.image.manifest.v1+json",
                  "digest": "%s",
                  "size": 839,
                  "platform": {"architecture": "unknown", "os": "unknown"},
                  "annotations": {
                    "vnd.docker.reference.digest": "%s",
                    "vnd.docker.reference.type": "attestation-manifest"
                  }
                }
              ],
              "annotations": {"org.opencontainers.image.created": "2024-05-01T10:00:00Z"}
            }
            """.formatted(AMD64, ARM64, ATTESTATION, AMD64);

  private static ImageIndex index(String json) {
    return OciDocuments.index(json.getBytes(StandardCharsets.UTF_8), "index");
  }

  private static String write(JsonObject json) {
    return JsonText.compact(json);
  }

  @Test
  void readsIndexWithAttestationManifest() throws Exception {
    ImageIndex index = index(INDEX_JSON);

    assertThat(index.schemaVersion()).isEqualTo(2);
    assertThat(MediaTypes.isIndex(index.mediaType())).isTrue();
    assertThat(index.annotations()).containsEntry("org.opencontainers.image.created", "2024-05-01T10:00:00Z");
    assertThat(index.manifests()).hasSize(3);

    Descriptor amd64 = index.manifests().get(0);
    assertThat(amd64.digest()).isEqualTo(Digest.parse(AMD64));
    assertThat(amd64.size()).isEqualTo(1234);
    assertThat(amd64.declaredPlatform()).contains(Platform.of("linux", "amd64", ""));
    assertThat(amd64.isAttestation()).isFalse();
    assertThat(amd64.annotations()).isEmpty();

    Descriptor arm64 = index.manifests().get(1);
    assertThat(arm64.declaredPlatform()).map(Platform::toString).contains("linux/arm64/v8");

    Descriptor attestation = index.manifests().get(2);
    assertThat(attestation.isAttestation()).isTrue();
    assertThat(attestation.declaredPlatform()).hasValueSatisfying(p -> assertThat(p.isUnknown()).isTrue());
    assertThat(attestation.annotations()).containsEntry(Descriptor.REFERENCE_DIGEST_ANNOTATION, AMD64);
  }

  @Test
  void indexRoundTripsWithoutAddingOrLosingFields() throws Exception {
    ImageIndex index = index(INDEX_JSON);

    String written = write(OciDocuments.toJson(index));

    assertThat(MAPPER.readTree(written)).isEqualTo(MAPPER.readTree(INDEX_JSON));
    assertThat(index(written)).isEqualTo(index);
    assertThat(written).doesNotContain("\"attestation\"").doesNotContain("declaredPlatform");
  }

  @Test
  void ignoresUnknownFieldsAndReadsOsVersionAndFeatures() throws Exception {
    String json = """
                {"mediaType": "application/vnd.docker.distribution.manifest.v2+json", "digest": "%s", "size": 5,
                 "urls": ["https://example.com/layer"], "somethingNew": {"x": 1},
                 "platform": {"architecture": "amd64", "os": "windows", "os.version": "10.0.17763.1",
                              "os.features": ["win32k"], "features": ["sse4"]}}
                """.formatted(AMD64);

    Descriptor descriptor = OciDocuments.descriptor(Json.parse(json));

    assertThat(descriptor.platform().osVersion()).isEqualTo("10.0.17763.1");
    assertThat(descriptor.platform().osFeatures()).containsExactly("win32k");
    JsonNode written = MAPPER.readTree(write(OciDocuments.toJson(descriptor)));
    assertThat(written.get("platform").get("os.version").asText()).isEqualTo("10.0.17763.1");
    assertThat(written.get("platform").get("os.features").get(0).asText()).isEqualTo("win32k");
    assertThat(written.has("urls")).isFalse();
    assertThat(written.has("annotations")).isFalse();
    assertThat(written.get("platform").has("variant")).isFalse();
  }

  @Test
  void manifestRoundTripsWithSubject() throws Exception {
    String json = """
                {
                  "schemaVersion": 2,
                  "mediaType": "application/vnd.oci.image.manifest.v1+json",
                  "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": "%s", "size": 7023},
                  "layers": [
                    {"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": "%s", "size": 32654},
                    {"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": "%s", "size": 100}
                  ],
                  "subject": {"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": "%s", "size": 1234},
                  "annotations": {"com.example.key": "value"}
                }
                """.formatted(ATTESTATION, AMD64, ARM64, AMD64);

    ImageManifest manifest = OciDocuments.manifest(json.getBytes(StandardCharsets.UTF_8), "manifest");

    assertThat(MediaTypes.isManifest(manifest.mediaType())).isTrue();
    assertThat(manifest.config().mediaType()).isEqualTo(MediaTypes.OCI_CONFIG);
    assertThat(manifest.layers()).extracting(Descriptor::size).containsExactly(32654L, 100L);
    assertThat(manifest.totalLayerSize()).isEqualTo(32754L);
    assertThat(manifest.subject().digest()).isEqualTo(Digest.parse(AMD64));
    assertThat(MAPPER.readTree(write(OciDocuments.toJson(manifest)))).isEqualTo(MAPPER.readTree(json));
  }

  @Test
  void writesBuiltDescriptorsWithoutEmptyFields() throws Exception {
    ImageIndex index = new ImageIndex(2, MediaTypes.OCI_INDEX, List.of(
        new Descriptor(MediaTypes.OCI_MANIFEST, Digest.parse(AMD64), 10,
            PlatformJson.from(Platform.parse("linux/arm/v7")), Map.of(), null)), null);

    assertThat(MAPPER.readTree(write(OciDocuments.toJson(index)))).isEqualTo(MAPPER.readTree("""
                {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json",
                 "manifests": [{"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": "%s", "size": 10,
                                "platform": {"architecture": "arm", "os": "linux", "variant": "v7"}}]}
                """.formatted(AMD64)));
  }

  @Test
  void rejectsInvalidDigestInJson() {
    String json = """
                {"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": "sha256:../../etc/passwd", "size": 1}
                """;

    assertThatThrownBy(() -> OciDocuments.descriptor(Json.parse(json)))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void mediaTypeClassification() {
    assertThat(MediaTypes.isIndex(MediaTypes.DOCKER_MANIFEST_LIST)).isTrue();
    assertThat(MediaTypes.isIndex(MediaTypes.OCI_MANIFEST)).isFalse();
    assertThat(MediaTypes.isManifest(MediaTypes.DOCKER_MANIFEST)).isTrue();
    assertThat(MediaTypes.isManifest(MediaTypes.DOCKER_CONFIG)).isFalse();
    assertThat(MediaTypes.isManifest(null)).isFalse();
    assertThat(MediaTypes.isIndex(null)).isFalse();
  }

  @Test
  void descriptorWithoutAnnotationsIsNotAttestation() {
    Descriptor descriptor = Descriptor.of(MediaTypes.OCI_MANIFEST, Digest.parse(AMD64), 1);

    assertThat(descriptor.isAttestation()).isFalse();
    assertThat(descriptor.declaredPlatform()).isEmpty();
  }
}
