package dev.mimg.store.registry;

import dev.mimg.model.Descriptor;
import dev.mimg.model.Digest;
import dev.mimg.model.ImageIndex;
import dev.mimg.model.ImageManifest;
import dev.mimg.model.Json;
import dev.mimg.model.JsonErrors;
import dev.mimg.model.JsonException;
import dev.mimg.model.MediaTypes;
import dev.mimg.model.Platform;
import dev.mimg.model.PlatformJson;
import dev.mimg.model.Reference;
import dev.mimg.model.RemoteVariant;
import dev.mimg.model.Variant;
import dev.mimg.registry.Fetched;
import dev.mimg.registry.RegistryClient;
import dev.mimg.registry.RegistryException;
import dev.mimg.store.BoundedParallel;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The variants of a reference straight from its registry, pulling nothing: an index's children (their manifests
 * by digest from the content cache, else fetched 16 at a time, for their sizes), or a single manifest (its config
 * read for the platform). Only the reference itself is asked anew.
 */
public final class RemoteVariants {

  private static final int MAX_CONFIG_BYTES = 16 << 20;

  private RemoteVariants() {
  }

  /** One element per manifest the reference names, in index order (attestations included). */
  public static List<RemoteVariant> of(Reference reference, RegistryClient client) {
    return of(reference, client, ContentCache.user());
  }

  static List<RemoteVariant> of(Reference reference, RegistryClient client, ContentCache content) {
    Fetched top = client.manifest(reference);
    if (!MediaTypes.isIndex(top.mediaType())) {
      ImageManifest manifest = top.imageManifest();
      return List.of(new RemoteVariant(top.digest(), top.mediaType(), configPlatform(reference, manifest, client),
          Variant.Kind.IMAGE, top.contentSize(), null));
    }
    ImageIndex index = top.index();
    RegistryBlobs blobs = new RegistryBlobs(client, content);
    List<Digest> digests = index.manifests().stream().map(Descriptor::digest).distinct().toList();
    Map<Digest, CompletableFuture<Long>> sizes = BoundedParallel.run(digests, BoundedParallel.DEFAULT_PARALLELISM,
        digest -> blobs.manifest(reference, digest).contentSize());
    return index.manifests().stream().map(child -> variant(child, BoundedParallel.join(sizes.get(child.digest()))))
        .toList();
  }

  private static RemoteVariant variant(Descriptor child, long size) {
    boolean attestation = child.isAttestation();
    String subject = child.annotations().get(Descriptor.REFERENCE_DIGEST_ANNOTATION);
    return new RemoteVariant(child.digest(), child.mediaType(), child.declaredPlatform().orElse(Platform.UNKNOWN),
        attestation ? Variant.Kind.ATTESTATION : Variant.Kind.IMAGE, size,
        attestation && subject != null ? Digest.parse(subject) : null);
  }

  private static Platform configPlatform(Reference reference, ImageManifest manifest, RegistryClient client) {
    if (manifest.config().size() > MAX_CONFIG_BYTES) {
      return Platform.UNKNOWN;
    }
    try (InputStream config = client.blob(reference, manifest.config())) {
      return PlatformJson.ofConfig(Json.parse(config.readAllBytes()));
    } catch (IOException | JsonException e) {
      throw new RegistryException(reference.familiarString() + ": the config " + manifest.config().digest()
          + " could not be read: " + JsonErrors.oneLine(e), e);
    }
  }
}
