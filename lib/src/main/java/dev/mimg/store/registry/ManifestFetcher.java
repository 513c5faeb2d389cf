package dev.mimg.store.registry;

import dev.mimg.model.Digest;
import dev.mimg.model.Reference;
import dev.mimg.registry.Fetched;

/** Fetches a manifest by digest from a repository: {@code RegistryClient::manifest}, or a fake in tests. */
@FunctionalInterface
interface ManifestFetcher {

  /** The verified manifest {@code digest} in {@code repository} (its tag, if any, is ignored). */
  Fetched manifest(Reference repository, Digest digest);
}
