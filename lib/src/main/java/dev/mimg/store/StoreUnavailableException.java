package dev.mimg.store;

/** The store stopped answering (connection refused or broken): later requests are not worth trying. */
public class StoreUnavailableException extends StoreException {

  /** A failure described by one line, with its cause kept for debugging. */
  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
