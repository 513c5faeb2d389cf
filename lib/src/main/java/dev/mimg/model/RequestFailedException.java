package dev.mimg.model;

/** A request to a store or a registry failed; the message is one line a CLI prints as it is. */
public class RequestFailedException extends RuntimeException {

  /** A failure described by one line. */
  public RequestFailedException(String message) {
    super(message);
  }

  /** A failure described by one line, with its cause kept for debugging. */
  public RequestFailedException(String message, Throwable cause) {
    super(message, cause);
  }

  /** No stack trace where {@link BriefErrors} says the message is all a user is shown. */
  @Override
  public synchronized Throwable fillInStackTrace() {
    return BriefErrors.on() ? this : super.fillInStackTrace();
  }
}
