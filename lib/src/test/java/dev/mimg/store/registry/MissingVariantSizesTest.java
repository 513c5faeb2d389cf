package dev.mimg.store.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mimg.model.Digest;
import dev.mimg.model.Image;
import dev.mimg.model.MediaTypes;
import dev.mimg.model.Reference;
import dev.mimg.model.RemoteSizes;
import dev.mimg.registry.Fetched;
import dev.mimg.registry.RegistryException;
import dev.mimg.view.ViewFixtures;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** MissingVariantSizes over a fake registry: sizes, one fetch per manifest, failures kept per image, bounded parallelism. */
class MissingVariantSizesTest {

  /** A manifest whose config is 1000 bytes and whose layers are 20000 and 300 bytes. */
  private static final byte[] MANIFEST = ("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\","
      + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + ViewFixtures.digest("c0")
      + "\",\"size\":1000},\"layers\":["
      + "{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"" + ViewFixtures.digest("1a")
      + "\",\"size\":20000},"
      + "{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"" + ViewFixtures.digest("1b")
      + "\",\"size\":300}]}").getBytes(StandardCharsets.UTF_8);
  private static final long VARIANT_SIZE = MANIFEST.length + 1000 + 20000 + 300;

  private final Map<String, AtomicInteger> fetches = new ConcurrentHashMap<>();

  private Fetched registry(Reference repository, Digest digest) {
    fetches.computeIfAbsent(repository.name() + "@" + digest, key -> new AtomicInteger()).incrementAndGet();
    if (repository.path().equals("mimg/bydigest")) {
      throw new RegistryException(repository.familiarName() + "@" + digest + ": unauthorized (401)");
    }
    return new Fetched(MANIFEST, MediaTypes.OCI_MANIFEST, digest);
  }

  @Test
  void sizesTheCacheKnowsAreNotFetchedAgain(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    Image alpine = ViewFixtures.alpine();
    ManifestSizeCache cache = ManifestSizeCache.at(dir.resolve("sizes"));
    RemoteSizes first = MissingVariantSizes.fetch(List.of(alpine), this::registry, cache);
    int fetched = fetches.values().stream().mapToInt(AtomicInteger::get).sum();
    assertThat(fetched).isPositive();
    RemoteSizes again = MissingVariantSizes.fetch(List.of(alpine), this::registry, ManifestSizeCache.at(dir.resolve("sizes")));
    assertThat(fetches.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(fetched);
    assertThat(again.total(alpine)).isEqualTo(first.total(alpine));
  }

  @Test
  void totalIsPresentContentPlusEachMissingManifestConfigAndLayers() {
    Image alpine = ViewFixtures.alpine();
    RemoteSizes sizes = MissingVariantSizes.fetch(List.of(alpine), this::registry);
    assertThat(sizes.total(alpine)).hasValue(alpine.contentSize() + 4 * VARIANT_SIZE);
    assertThat(sizes.size(alpine.variants().get(1))).hasValue(VARIANT_SIZE);
    assertThat(sizes.failures()).isEmpty();
  }

  @Test
  void eachManifestIsFetchedOnceFromTheFirstTagsRepository() {
    Image alpine = ViewFixtures.alpine();
    MissingVariantSizes.fetch(List.of(alpine, alpine), this::registry);
    assertThat(fetches).hasSize(4).allSatisfy((key, count) -> {
      assertThat(key).startsWith("docker.io/library/alpine@sha256:");
      assertThat(count.get()).isOne();
    });
  }

  @Test
  void aFailureMarksOnlyItsImageWithTheReason() {
    Image alpine = ViewFixtures.alpine();
    Image byDigest = ViewFixtures.byDigest();
    RemoteSizes sizes = MissingVariantSizes.fetch(List.of(alpine, byDigest), this::registry);
    assertThat(sizes.total(alpine)).isPresent();
    assertThat(sizes.total(byDigest)).isEmpty();
    assertThat(sizes.failure(byDigest)).hasValueSatisfying(reason -> assertThat(reason)
        .startsWith("127.0.0.1:5123/mimg/bydigest@sha256:b1d1e57").endsWith(": unauthorized (401)"));
  }

  @Test
  void completeAndDanglingImagesAreNotLookedUp() {
    List<Image> images = List.of(ViewFixtures.single(), ViewFixtures.attested(), ViewFixtures.dangling());
    RemoteSizes sizes = MissingVariantSizes.fetch(images, this::registry);
    assertThat(fetches).isEmpty();
    assertThat(sizes.total(ViewFixtures.single())).hasValue(ViewFixtures.single().contentSize());
  }

  @Test
  void notAskedKnowsNoTotal() {
    assertThat(RemoteSizes.NOT_ASKED.total(ViewFixtures.single())).isEmpty();
  }

  @Test
  void atMostParallelismRequestsAreInFlight() {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    ManifestFetcher slow = (repository, digest) -> {
      most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try {
        Thread.sleep(30);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      inFlight.decrementAndGet();
      return new Fetched(MANIFEST, MediaTypes.OCI_MANIFEST, digest);
    };
    RemoteSizes sizes = MissingVariantSizes.fetch(List.of(ViewFixtures.alpine()), slow, 2);
    assertThat(sizes.variantSizes()).hasSize(4);
    assertThat(most.get()).isEqualTo(2);
  }
}
