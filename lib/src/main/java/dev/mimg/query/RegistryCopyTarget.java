package dev.mimg.query;

import dev.mimg.model.Descriptor;
import dev.mimg.model.Digest;
import dev.mimg.model.Reference;
import dev.mimg.registry.RegistryClient;
import java.util.List;

/**
 * A registry repository as a copy's target: blobs it lacks mounted from the source repository within one registry,
 * else uploaded, streamed from the source (the registry checks each digest); child manifests by digest; the top
 * manifest or index last, under the tag.
 */
final class RegistryCopyTarget implements CopyTarget {

  private final RegistryClient client;
  private final Reference reference;
  private final Reference repository;

  RegistryCopyTarget(RegistryClient client, Reference reference) {
    this.client = client;
    this.reference = reference;
    this.repository = Reference.parse(reference.name());
  }

  @Override
  public String describe() {
    return "registry " + reference.familiarString();
  }

  @Override
  public Reference reference() {
    return reference;
  }

  @Override
  public boolean hasBlob(Digest digest) {
    return client.hasBlob(repository, digest);
  }

  @Override
  public boolean putBlob(Descriptor blob, CopySource from) {
    var source = from.registryRepository();
    if (source.isPresent() && source.get().domain().equals(repository.domain())
        && client.mountBlob(repository, blob.digest(), source.get())) {
      return true;
    }
    client.uploadBlob(repository, blob, () -> from.openBlob(blob));
    return false;
  }

  @Override
  public void putManifest(CopySource.ManifestBytes manifest) {
    client.putManifest(Reference.parse(repository.name() + "@" + manifest.digest()), manifest.bytes(),
        manifest.mediaType());
  }

  @Override
  public void putTop(CopySource.ManifestBytes top, List<Digest> content) {
    client.putManifest(reference, top.bytes(), top.mediaType());
  }
}
