package dev.mimg.registry;

import dev.mimg.store.StoreException;

/** A registry refused or failed a request; the message is one line naming the reference and never a secret. */
public class RegistryException extends StoreException {

  /** A failure described by one line. */
  public RegistryException(String message) {
    super(message);
  }

  /** A failure described by one line, with its cause kept for debugging. */
  public RegistryException(String message, Throwable cause) {
    super(message, cause);
  }
}
