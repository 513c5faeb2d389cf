package dev.mimg.registry;

import java.util.Optional;

/** Where a {@link RegistryClient} finds the login for a registry domain. */
@FunctionalInterface
public interface CredentialSource {

  /** No credentials anywhere: every request is anonymous. */
  CredentialSource NONE = domain -> Optional.empty();

  /** The credential for {@code domain} (e.g. {@code docker.io}, {@code 127.0.0.1:5000}), if one is configured. */
  Optional<Credential> lookup(String domain);

  /** Where a user fixes wrong credentials, as error messages name it (e.g. {@code ~/.docker/config.json}). */
  default String describe() {
    return "the registry credentials";
  }
}
