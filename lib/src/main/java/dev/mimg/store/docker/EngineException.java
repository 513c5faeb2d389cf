package dev.mimg.store.docker;

import dev.mimg.store.StoreException;

/** The engine answered with an HTTP error; {@code status} is its code, the message the engine's own. */
public class EngineException extends StoreException {

  private final int status;

  /** An engine error with its HTTP status. */
  public EngineException(int status, String message) {
    super(message);
    this.status = status;
  }

  /** The HTTP status code. */
  public int status() {
    return status;
  }

  /** True for 404 (no such image, container or platform). */
  public boolean notFound() {
    return status == 404;
  }
}
