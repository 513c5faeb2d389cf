package dev.mimg.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mimg.bed.Bed;
import dev.mimg.bed.BedTest;
import dev.mimg.model.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tags and the catalog, page by page, as crane lists them, on the bed's open and basic-auth registries. */
@BedTest
class RegistryListingBedTest {

  @TempDir
  Path dir;

  private static List<String> lines(String text) {
    return Arrays.stream(text.split("\n")).map(String::strip).filter(line -> !line.isEmpty()).toList();
  }

  private RegistryClient client(Map<String, String> env) {
    return RegistryClient.builder().environment(env).build();
  }

  private Map<String, String> login(String registry) throws Exception {
    String auth = Base64.getEncoder().encodeToString((BedEnv.required("MIMG_BED_PRIVATE_USER") + ":"
        + BedEnv.required("MIMG_BED_PRIVATE_PASSWORD")).getBytes(StandardCharsets.UTF_8));
    Files.writeString(dir.resolve("config.json"), "{\"auths\":{\"" + registry + "\":{\"auth\":\"" + auth + "\"}}}");
    return Map.of("DOCKER_CONFIG", dir.toString());
  }

  @Test
  void tagsComePageByPageInTheRegistrysOrderAsCraneListsThem() {
    String repo = Bed.ref("mimgtest/paged");
    Bed.crane("copy", Bed.ref("mimg/single:1.0"), repo + ":t0");
    for (String tag : List.of("t1", "t2", "t3", "t4")) {
      Bed.crane("tag", repo + ":t0", tag);
    }
    RegistryClient client = client(Map.of("DOCKER_CONFIG", dir.toString()));
    List<String> crane = lines(Bed.crane("ls", repo));
    assertThat(crane).contains("t0", "t1", "t2", "t3", "t4");
    assertThat(client.tags(Reference.parse(repo), 2)).as("3 pages of 2").isEqualTo(crane);
    assertThat(client.tags(Reference.parse(repo + ":t3"))).isEqualTo(crane);
  }

  @Test
  void theCatalogComesPageByPageAsCraneListsIt() {
    RegistryClient client = client(Map.of("DOCKER_CONFIG", dir.toString()));
    List<String> crane = lines(Bed.crane("catalog", Bed.registry()));
    assertThat(crane).contains("mimg/alpine", "mimg/single");
    assertThat(client.catalog(Bed.registry(), 3)).isEqualTo(crane);
    assertThat(client.catalog(Bed.registry())).isEqualTo(crane);
  }

  @Test
  void aRegistryThatWantsALoginListsWithItAndSaysSoWithout() throws Exception {
    String registry = BedEnv.required("MIMG_BED_PRIVATE_REGISTRY");
    Map<String, String> env = login(registry);
    List<String> crane = lines(Bed.run(List.of(System.getenv("MIMG_BED_CRANE"), "catalog", "--insecure", registry),
        env));
    assertThat(client(env).catalog(registry, 2)).isEqualTo(crane).isNotEmpty();
    String repo = registry + "/" + crane.get(0);
    assertThat(client(env).tags(Reference.parse(repo)))
        .isEqualTo(lines(Bed.run(List.of(System.getenv("MIMG_BED_CRANE"), "ls", "--insecure", repo), env)));

    Path empty = Files.createDirectory(dir.resolve("anonymous"));
    assertThatThrownBy(() -> client(Map.of("DOCKER_CONFIG", empty.toString())).catalog(registry))
        .isInstanceOf(RegistryException.class).hasMessageNotContaining("\n")
        .hasMessageStartingWith(registry + " does not list its repositories to this client (")
        .hasMessageContaining("(401)").hasMessageEndingWith("): name the repositories instead");
  }
}
