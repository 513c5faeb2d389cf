package dev.mimg.store.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where X-Registry-Auth comes from in config.json (auths, Docker Hub's legacy key, helpers), and what it holds. */
class RegistryAuthTest {

  @TempDir
  Path dir;

  private JsonNode header(String domain) throws Exception {
    String value = RegistryAuth.header(domain, dir).orElseThrow();
    return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(value));
  }

  private void config(String json) throws Exception {
    Files.writeString(dir.resolve("config.json"), json);
  }

  private static String basic(String pair) {
    return Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void authsEntryGivesUserAndPassword() throws Exception {
    config("{\"auths\":{\"registry.example:5000\":{\"auth\":\"" + basic("alice:s3:cret") + "\"}}}");
    JsonNode auth = header("registry.example:5000");
    assertThat(auth.path("username").asText()).isEqualTo("alice");
    assertThat(auth.path("password").asText()).isEqualTo("s3:cret");
    assertThat(auth.path("serveraddress").asText()).isEqualTo("registry.example:5000");
  }

  @Test
  void dockerHubUsesItsLegacyKey() throws Exception {
    config("{\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":\"" + basic("bob:pw") + "\"}}}");
    JsonNode auth = header("docker.io");
    assertThat(auth.path("username").asText()).isEqualTo("bob");
    assertThat(auth.path("serveraddress").asText()).isEqualTo("https://index.docker.io/v1/");
  }

  @Test
  void identityTokensPassThrough() throws Exception {
    config("{\"auths\":{\"r.example\":{\"identitytoken\":\"tok\"}}}");
    assertThat(header("r.example").path("identitytoken").asText()).isEqualTo("tok");
  }

  @Test
  void noEntryOrNoConfigMeansAnonymous() throws Exception {
    assertThat(RegistryAuth.header("r.example", dir)).isEmpty();
    config("{\"auths\":{\"other.example\":{\"auth\":\"" + basic("x:y") + "\"}}}");
    assertThat(RegistryAuth.header("r.example", dir)).isEmpty();
  }

  @Test
  void aMissingHelperIsOneLineNamingItWithoutSecrets() throws Exception {
    config("{\"credHelpers\":{\"r.example\":\"mimg-absent-helper\"},\"auths\":{\"r.example\":{\"auth\":\""
        + basic("carol:topsecret") + "\"}}}");
    assertThatThrownBy(() -> RegistryAuth.header("r.example", dir)).isInstanceOf(dev.mimg.model.RequestFailedException.class)
        .hasMessageContaining("docker-credential-mimg-absent-helper").hasMessageNotContaining("topsecret")
        .hasMessageNotContaining("\n");
  }

  @Test
  void brokenJsonIsOneLine() throws Exception {
    config("{\"auths\": ");
    assertThatThrownBy(() -> RegistryAuth.header("r.example", dir)).isInstanceOf(dev.mimg.model.RequestFailedException.class)
        .hasMessageEndingWith("config.json: not valid JSON");
  }
}
