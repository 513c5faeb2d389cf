package dev.mimg.store.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mimg.bed.Bed;
import dev.mimg.bed.BedTest;
import dev.mimg.model.Image;
import dev.mimg.model.ImageName;
import dev.mimg.model.InvalidInputException;
import dev.mimg.model.Json;
import dev.mimg.model.Platform;
import dev.mimg.model.Reference;
import dev.mimg.model.Variant;
import dev.mimg.registry.RegistryClient;
import dev.mimg.store.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bed's open registry as a store, against what crane reads from it: every tag under the prefix an image named
 * by it (its digest the image id), every child of an index a present variant with its platform and its content
 * size (manifest + config + layers), and inspect's layers the config's diff ids.
 */
@BedTest
class RegistryStoreBedTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private RegistryStore store(String spec) {
    return RegistryStore.open(spec, RegistryClient.builder().environment(Map.of("DOCKER_CONFIG", dir.toString()))
        .build(), Platform.of("linux", "amd64", ""), new ContentCache(dir.resolve("cache")));
  }

  private static List<String> lines(String text) {
    return Arrays.stream(text.split("\n")).map(String::strip).filter(line -> !line.isEmpty()).toList();
  }

  @Test
  void everyTagIsAnImageWithTheVariantsAndSizesCraneReads() throws IOException {
    Map<String, String> expectedIds = new TreeMap<>(); // name -> digest
    for (String repo : lines(Bed.crane("catalog", Bed.registry()))) {
      if (repo.startsWith("mimg/")) {
        for (String tag : lines(Bed.crane("ls", Bed.registry() + "/" + repo))) {
          String ref = Bed.registry() + "/" + repo + ":" + tag;
          expectedIds.put(ref, Bed.crane("digest", ref).strip());
        }
      }
    }
    List<Image> images = store(Bed.registry() + "/mimg").images();
    Map<String, String> ids = new TreeMap<>();
    Map<String, Image> byId = new HashMap<>();
    for (Image image : images) {
      byId.put(image.id().toString(), image);
      for (ImageName name : image.names()) {
        ids.put(name.written(), image.id().toString());
      }
    }
    assertThat(ids).isEqualTo(expectedIds);
    assertThat(images).as("one image per digest").hasSize((int) expectedIds.values().stream().distinct().count());

    Image alpine = byId.get(expectedIds.get(Bed.ref("mimg/alpine:3.16")));
    JsonNode index = JSON.readTree(Bed.crane("manifest", Bed.ref("mimg/alpine:3.16")));
    List<String> expected = new ArrayList<>();
    for (JsonNode child : index.path("manifests")) {
      String at = Bed.registry() + "/mimg/alpine@" + child.path("digest").asText();
      byte[] manifestBytes = Bed.crane("manifest", at).getBytes(StandardCharsets.UTF_8);
      JsonNode manifest = JSON.readTree(manifestBytes);
      long size = manifestBytes.length + manifest.path("config").path("size").asLong();
      for (JsonNode layer : manifest.path("layers")) {
        size += layer.path("size").asLong();
      }
      JsonNode p = child.path("platform");
      expected.add(child.path("digest").asText() + " " + p.path("os").asText() + "/" + p.path("architecture").asText()
          + (p.path("variant").asText("").isEmpty() ? "" : "/" + p.path("variant").asText()) + " " + size);
    }
    List<String> actual = new ArrayList<>();
    for (Variant variant : alpine.variants()) {
      assertThat(variant.available()).isTrue();
      actual.add(variant.digest() + " " + variant.platform() + " " + variant.contentSize());
    }
    assertThat(actual).isEqualTo(expected);
    assertThat(alpine.created()).isEqualTo(java.time.Instant.parse(JSON.readTree(Bed.crane("config",
        Bed.registry() + "/mimg/alpine@" + alpine.variants().stream().filter(v -> v.platform().toString()
            .equals("linux/amd64")).findFirst().orElseThrow().digest())).path("created").asText()));
  }

  @Test
  void aSecondListingReadsTheCacheAndADamagedCacheFileIsReadAgain() throws IOException {
    List<Image> first = store(Bed.registry() + "/mimg/alpine").images();
    Path sha256 = dir.resolve("cache/sha256");
    List<Path> cached;
    try (var files = java.nio.file.Files.list(sha256)) {
      cached = files.toList();
    }
    assertThat(cached).as("indexes, manifests and configs").hasSizeGreaterThan(first.size());
    assertThat(store(Bed.registry() + "/mimg/alpine").images()).isEqualTo(first);
    Path index = sha256.resolve(first.get(0).id().hex());
    java.nio.file.Files.writeString(index, "application/vnd.oci.image.index.v1+json\n{\"manifests\":[]}");
    assertThat(store(Bed.registry() + "/mimg/alpine").images()).as("the damaged entry fetched again")
        .isEqualTo(first);
  }

  @Test
  void inspectGivesTheConfigsLayersAndChangesAreRefused() throws IOException {
    RegistryStore store = store(Bed.registry() + "/mimg/single");
    Image single = store.images().get(0);
    Json inspect = store.inspect(single, single.variants().get(0));
    List<String> layers = new ArrayList<>();
    inspect.path("RootFS").path("Layers").forEach(layer -> layers.add(layer.asText()));
    List<String> expected = new ArrayList<>();
    JSON.readTree(Bed.crane("config", Bed.ref("mimg/single:1.0"))).path("rootfs").path("diff_ids")
        .forEach(diffId -> expected.add(diffId.asText()));
    assertThat(layers).isEqualTo(expected).isNotEmpty();
    assertThatThrownBy(() -> store.pull(Reference.parse(Bed.registry() + "/mimg/single:1.0"), null, e -> { }))
        .isInstanceOf(StoreException.class)
        .hasMessageEndingWith("registry " + Bed.registry() + "/mimg/single takes images by push (mimg cp), not by pull");
  }

  @Test
  void aSpecWithoutARegistryHostIsOneLine() {
    assertThatThrownBy(() -> store("mimg/alpine")).isInstanceOf(InvalidInputException.class)
        .hasMessage("invalid store \"registry:mimg/alpine\": mimg is no registry host (give one with a dot or a "
            + "port, e.g. registry:ghcr.io/org)");
  }
}
