package dev.mimg.store.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mimg.model.Json;
import dev.mimg.model.JsonException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The engine's answers read by hand into mimg's records: every field mimg uses, unknown ones ignored. */
class EngineAnswersTest {

  private static final String ID = "sha256:" + "a".repeat(64);
  private static final String CHILD = "sha256:" + "b".repeat(64);

  private static final String LISTING = """
      [{"Containers":1,"Created":1714979289,"Id":"%1$s","Labels":{"a":"1","n":2},"Descriptor":{"mediaType":
      "application/vnd.oci.image.index.v1+json","digest":"%1$s","size":1261},"Manifests":[{"ID":"%2$s",
      "Descriptor":{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"%2$s","size":403,
      "platform":{"architecture":"arm64","os":"linux","variant":"v8"}},"Available":true,"Size":{"Content":32999,
      "Total":78055},"Kind":"image","ImageData":{"Platform":{"architecture":"arm64","os":"linux","variant":"v8"},
      "Size":{"Unpacked":45056},"Containers":["c1"]}},{"ID":"%1$s","Available":false,"Kind":"attestation",
      "AttestationData":{"For":"%2$s"},"Future":{"x":[1.5]}}],"RepoDigests":["r@%1$s"],"RepoTags":["r:1"],
      "SharedSize":-1,"Size":78055}]""".formatted(ID, CHILD);

  @Test
  void aListingEntryHasEveryFieldMimgReads() {
    EngineImageSummary summary = EngineImageSummary.listOf(Json.parse(LISTING)).get(0);
    assertThat(summary.id()).isEqualTo(ID);
    assertThat(summary.repoTags()).containsExactly("r:1");
    assertThat(summary.repoDigests()).containsExactly("r@" + ID);
    assertThat(summary.created()).isEqualTo(1714979289L);
    assertThat(summary.size()).isEqualTo(78055L);
    assertThat(summary.labels()).isEqualTo(Map.of("a", "1", "n", "2"));
    assertThat(summary.descriptor().mediaType()).isEqualTo("application/vnd.oci.image.index.v1+json");
    assertThat(summary.descriptor().size()).isEqualTo(1261);
    EngineImageSummary.Manifest image = summary.manifests().get(0);
    assertThat(image.id()).isEqualTo(CHILD);
    assertThat(image.available()).isTrue();
    assertThat(image.size()).isEqualTo(new EngineImageSummary.ManifestSize(32999, 78055));
    assertThat(image.kind()).isEqualTo("image");
    assertThat(image.descriptor().platform()).isEqualTo(new EngineImageSummary.EnginePlatform("linux", "arm64", "v8"));
    assertThat(image.imageData().platform()).isEqualTo(new EngineImageSummary.EnginePlatform("linux", "arm64", "v8"));
    assertThat(image.imageData().containers()).containsExactly("c1");
    assertThat(image.imageData().size().unpacked()).isEqualTo(45056);
    EngineImageSummary.Manifest attestation = summary.manifests().get(1);
    assertThat(attestation.attestationData().forDigest()).isEqualTo(CHILD);
    assertThat(attestation.descriptor()).isNull();
    assertThat(attestation.size()).isNull();
    assertThat(attestation.imageData()).isNull();
  }

  @Test
  void anOlderEngineListsNoManifests() {
    EngineImageSummary summary = EngineImageSummary.listOf(Json.parse("[{\"Id\":\"" + ID + "\",\"RepoTags\":null}]"))
        .get(0);
    assertThat(summary.manifests()).isNull();
    assertThat(summary.repoTags()).isNull();
    assertThat(summary.labels()).isNull();
    assertThat(summary.created()).isZero();
  }

  @Test
  void inspectAndContainers() {
    EngineImageInspect inspect = EngineImageInspect.of(Json.parse("{\"Id\":\"" + ID + "\",\"RepoTags\":[\"r:1\"],"
        + "\"Created\":\"2024-01-02T03:04:05Z\",\"Config\":{\"Labels\":{\"k\":\"v\"},\"Env\":[]},\"Manifests\":[]}"));
    assertThat(inspect.asSummary().created()).isEqualTo(1704164645L);
    assertThat(inspect.asSummary().labels()).isEqualTo(Map.of("k", "v"));
    assertThat(inspect.manifests()).isEmpty();
    List<EngineContainer> containers = EngineContainer.listOf(Json.parse("[{\"Id\":\"c1\",\"Names\":[\"/web\"],"
        + "\"Image\":\"r:1\",\"ImageID\":\"" + ID + "\",\"ImageManifestDescriptor\":{\"digest\":\"" + CHILD + "\"}}]"));
    assertThat(containers.get(0).names()).containsExactly("/web");
    assertThat(containers.get(0).imageId()).isEqualTo(ID);
    assertThat(containers.get(0).imageManifestDescriptor().digest()).isEqualTo(CHILD);
  }

  @Test
  void aFieldOfTheWrongTypeIsOneLineNamingIt() {
    assertThatThrownBy(() -> EngineImageSummary.listOf(Json.parse("{\"not\":\"a list\"}")))
        .isInstanceOf(JsonException.class)
        .hasMessage("Cannot deserialize value of type `List<EngineImageSummary>` from Object value at line 1, column 1");
    assertThatThrownBy(() -> EngineImageSummary.listOf(Json.parse("[{\"Id\":\"x\",\n \"Manifests\":[{\"Available\":"
        + "{}}]}]"))).isInstanceOf(JsonException.class)
        .hasMessage("Cannot deserialize value of type `boolean` from Object value (member \"Available\") at line 2, "
            + "column 15");
    assertThatThrownBy(() -> EngineImageInspect.of(Json.parse("[]"))).isInstanceOf(JsonException.class)
        .hasMessageStartingWith("Cannot deserialize value of type `EngineImageInspect` from Array value");
  }

  @Test
  void theEnginesPlatformParameterIsCompactJson() {
    assertThat(DockerEngineStore.platformJson(dev.mimg.model.Platform.of("linux", "arm", "v7")))
        .isEqualTo("{\"os\":\"linux\",\"architecture\":\"arm\",\"variant\":\"v7\"}");
    assertThat(DockerEngineStore.platformJson(dev.mimg.model.Platform.of("linux", "amd64", "")))
        .isEqualTo("{\"os\":\"linux\",\"architecture\":\"amd64\"}");
  }
}
