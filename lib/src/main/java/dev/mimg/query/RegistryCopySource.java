package dev.mimg.query;

import dev.mimg.model.Descriptor;
import dev.mimg.model.Digest;
import dev.mimg.model.Reference;
import dev.mimg.registry.Fetched;
import dev.mimg.registry.RegistryClient;
import dev.mimg.registry.RegistryException;
import java.io.InputStream;
import java.util.Optional;

/**
 * An image in a registry repository as a copy's source: the top manifest as {@code reference} names it now (or as
 * a known digest pins it), children and blobs by digest, every byte verified by the client.
 */
final class RegistryCopySource implements CopySource {

  private final RegistryClient client;
  private final Reference reference;
  private final Reference repository;
  private ManifestBytes top;

  RegistryCopySource(RegistryClient client, Reference reference) {
    this.client = client;
    this.reference = reference;
    this.repository = Reference.parse(reference.name());
  }

  @Override
  public String describe() {
    return "registry " + reference.familiarName();
  }

  @Override
  public synchronized ManifestBytes top() {
    if (top == null) {
      Fetched fetched = client.manifest(reference);
      top = new ManifestBytes(fetched.bytes(), fetched.mediaType(), fetched.digest());
    }
    return top;
  }

  @Override
  public Optional<ManifestBytes> manifest(Descriptor child) {
    try {
      Fetched fetched = client.manifest(repository, child.digest());
      return Optional.of(new ManifestBytes(fetched.bytes(), fetched.mediaType(), fetched.digest()));
    } catch (RegistryException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public boolean hasBlob(Digest digest) {
    return true; // a registry holds what its manifests name; a blob it lacks fails its download with one line
  }

  @Override
  public InputStream openBlob(Descriptor blob) {
    return client.blob(repository, blob);
  }

  @Override
  public InputStream openBlobForCheckingTarget(Descriptor blob) {
    return client.blobVerifiedByCaller(repository, blob);
  }

  @Override
  public Optional<Reference> registryRepository() {
    return Optional.of(repository);
  }
}
