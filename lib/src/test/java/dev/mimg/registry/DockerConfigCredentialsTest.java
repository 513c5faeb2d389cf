package dev.mimg.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credentials from config.json and helpers; they never show their secret. */
class DockerConfigCredentialsTest {

  @TempDir
  Path dir;

  @Test
  void credentialsNeverShowTheirSecret() {
    assertThat(Credential.basic("alice", "s3cret")).hasToString("Credential[user alice]");
    assertThat(Credential.identityToken("tok-123").toString()).doesNotContain("tok-123");
  }

  @Test
  void plainUsernameAndPasswordFieldsAreRead() throws Exception {
    Files.writeString(dir.resolve("config.json"), "{\"auths\":{\"https://r.example\":{\"username\":\"u\",\"password\":\"p\"}}}");
    Credential credential = DockerConfigCredentials.fromEnvironment(Map.of("DOCKER_CONFIG", dir.toString()))
        .lookup("r.example").orElseThrow();
    assertThat(credential.username()).contains("u");
    assertThat(credential.secret()).isEqualTo("p");
  }

  @Test
  void aHelperAnsweringTheTokenUserGivesAnIdentityToken() throws Exception {
    Path helper = dir.resolve("docker-credential-mimgtok");
    Files.writeString(helper, "#!/bin/sh\nread server\nprintf '{\"Username\":\"<token>\",\"Secret\":\"refresh-1\"}'\n");
    Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwxr-xr-x"));
    Credential credential = CredentialHelper.at(helper).get("r.example").orElseThrow();
    assertThat(credential.isIdentityToken()).isTrue();
    assertThat(credential.secret()).isEqualTo("refresh-1");
  }

  @Test
  void describeNamesTheConfigFile() {
    assertThat(new DockerConfigCredentials(dir).describe()).isEqualTo(dir.resolve("config.json").toString());
    assertThat(new DockerConfigCredentials(Path.of(System.getProperty("user.home"), ".docker")).describe())
        .isEqualTo("~/.docker/config.json");
  }
}
