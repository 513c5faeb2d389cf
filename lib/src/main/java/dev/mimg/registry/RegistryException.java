package dev.mimg.registry;

import dev.mimg.model.RequestFailedException;

/** A registry refused or failed a request; the message is one line naming the reference and never a secret. */
public class RegistryException extends RequestFailedException {

  private final int status;

  /** A failure described by one line. */
  public RegistryException(String message) {
    this(message, 0);
  }

  /** A failure the registry answered with HTTP {@code status}, described by one line. */
  public RegistryException(String message, int status) {
    super(message);
    this.status = status;
  }

  /** The HTTP status the registry answered (0 when the failure was not an answer: network, digest, format). */
  public int status() {
    return status;
  }

  /** A failure described by one line, with its cause kept for debugging. */
  public RegistryException(String message, Throwable cause) {
    super(message, cause);
    this.status = 0;
  }
}
