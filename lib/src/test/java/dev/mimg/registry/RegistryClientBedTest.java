package dev.mimg.registry;

import dev.mimg.bed.BedTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mimg.bed.Bed;
import dev.mimg.model.Descriptor;
import dev.mimg.model.Digest;
import dev.mimg.model.Json;
import dev.mimg.model.MediaTypes;
import dev.mimg.model.OciDocuments;
import dev.mimg.model.Reference;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against the bed's registries: anonymous (5123), basic auth (5125) and token auth (5127). */
@BedTest
class RegistryClientBedTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private RegistryClient client(String registry, String user, String password) throws Exception {
    String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    Files.writeString(dir.resolve("config.json"), "{\"auths\":{\"" + registry + "\":{\"auth\":\"" + auth + "\"}}}");
    return RegistryClient.builder().environment(Map.of("DOCKER_CONFIG", dir.toString())).build();
  }

  private RegistryClient anonymous() {
    return RegistryClient.builder().environment(Map.of("DOCKER_CONFIG", dir.toString())).build();
  }

  @Test
  void anonymousIndexChildManifestAndBlobMatchCrane() throws Exception {
    String ref = Bed.ref("mimg/alpine:3.16");
    RegistryClient client = anonymous();
    Fetched index = client.manifest(Reference.parse(ref));
    assertThat(index.digest()).hasToString(Bed.crane("digest", ref).strip());
    assertThat(index.text()).isEqualTo(Bed.crane("manifest", ref));
    assertThat(index.mediaType()).isEqualTo(MediaTypes.OCI_INDEX);

    Digest child = Digest.parse(JSON.readTree(index.bytes()).path("manifests").path(0).path("digest").asText());
    Fetched manifest = client.manifest(Reference.parse(ref), child);
    assertThat(manifest.digest()).isEqualTo(child);
    assertThat(manifest.text()).isEqualTo(Bed.crane("manifest", Bed.registry() + "/mimg/alpine@" + child));
    assertThat(MediaTypes.isManifest(manifest.mediaType())).isTrue();

    Descriptor layer = OciDocuments.descriptor(Json.parse(manifest.bytes()).path("layers").path(0));
    try (InputStream blob = client.blob(Reference.parse(ref), layer)) {
      byte[] bytes = blob.readAllBytes();
      assertThat(bytes).hasSize((int) layer.size());
      assertThat(Digest.sha256Of(bytes)).isEqualTo(layer.digest());
    }
  }

  @Test
  void byDigestReferenceIsVerified() {
    String digest = Bed.crane("digest", Bed.ref("mimg/single:1.0")).strip();
    Fetched fetched = anonymous().manifest(Reference.parse(Bed.registry() + "/mimg/single@" + digest));
    assertThat(fetched.digest()).hasToString(digest);
  }

  @Test
  void aMissingTagIsNotFoundNamingTheReference() {
    String ref = Bed.registry() + "/mimg/alpine:no-such-tag";
    assertThatThrownBy(() -> anonymous().manifest(Reference.parse(ref))).isInstanceOf(RegistryException.class)
        .hasMessageStartingWith(ref + ": not found (404): ").hasMessageNotContaining("\n");
  }

  @Test
  void basicAuthWithAnAuthsEntry() throws Exception {
    String registry = BedEnv.required("MIMG_BED_PRIVATE_REGISTRY");
    RegistryClient client = client(registry, BedEnv.required("MIMG_BED_PRIVATE_USER"),
        BedEnv.required("MIMG_BED_PRIVATE_PASSWORD"));
    Fetched fetched = client.manifest(Reference.parse(registry + "/private/rmme:1"));
    assertThat(fetched.digest()).hasToString(Bed.crane("digest", Bed.ref("mimg/rmme:1")).strip());
  }

  @Test
  void aWrongPasswordIsOneUnauthorizedLineWithoutThePassword() throws Exception {
    String registry = BedEnv.required("MIMG_BED_PRIVATE_REGISTRY");
    String ref = registry + "/private/rmme:1";
    RegistryClient client = client(registry, "mimg", "wrong-password-123");
    assertThatThrownBy(() -> client.manifest(Reference.parse(ref))).isInstanceOf(RegistryException.class)
        .hasMessage(ref + ": unauthorized (401): check the credentials for " + registry + " in " + dir.resolve("config.json"))
        .hasMessageNotContaining("wrong-password-123");
  }

  @Test
  void withoutCredentialsTheBasicRegistrySaysSo() {
    String ref = BedEnv.required("MIMG_BED_PRIVATE_REGISTRY") + "/private/rmme:1";
    assertThatThrownBy(() -> anonymous().manifest(Reference.parse(ref)))
        .hasMessageStartingWith(ref + ": unauthorized (401): ").hasMessageContaining("has none for it");
  }

  @Test
  void tokenAuthFetchesAndCachesOneTokenPerScope() throws Exception {
    String registry = BedEnv.required("MIMG_BED_TOKEN_REGISTRY");
    try (TokenServer tokens = TokenServer.start()) {
      RegistryClient client = client(registry, TokenServer.USER, TokenServer.PASSWORD);
      Reference ref = Reference.parse(registry + "/mimg/alpine:3.16");
      Fetched index = client.manifest(ref);
      assertThat(index.digest()).hasToString(Bed.crane("digest", Bed.ref("mimg/alpine:3.16")).strip());
      JsonNode first = JSON.readTree(index.bytes()).path("manifests").path(0);
      Fetched child = client.manifest(ref, Digest.parse(first.path("digest").asText()));
      Descriptor config = OciDocuments.descriptor(Json.parse(child.bytes()).path("config"));
      try (InputStream blob = client.blob(ref, config)) {
        assertThat(Digest.sha256Of(blob.readAllBytes())).isEqualTo(config.digest());
      }
      assertThat(tokens.issued()).isEqualTo(1);
    }
  }

  @Test
  void tokenAuthWithAWrongPasswordIsOneUnauthorizedLine() throws Exception {
    String registry = BedEnv.required("MIMG_BED_TOKEN_REGISTRY");
    String ref = registry + "/mimg/alpine:3.16";
    try (TokenServer tokens = TokenServer.start()) {
      RegistryClient client = client(registry, TokenServer.USER, "not-the-token-password");
      assertThatThrownBy(() -> client.manifest(Reference.parse(ref))).isInstanceOf(RegistryException.class)
          .hasMessage(ref + ": unauthorized (401): check the credentials for " + registry + " in " + dir.resolve("config.json"))
          .hasMessageNotContaining("not-the-token-password");
      assertThat(tokens.issued()).isZero();
    }
  }
}
