package dev.mimg.store;

/** A store could not answer or refused a request; the message is one line a CLI prints as it is. */
public class StoreException extends dev.mimg.model.RequestFailedException {

  /** A failure described by one line. */
  public StoreException(String message) {
    super(message);
  }

  /** A failure described by one line, with its cause kept for debugging. */
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
