package dev.mimg.frontend;

/** The command line itself is malformed (unknown option, missing parameter): exit 2 and one line naming the help. */
public final class UsageException extends RuntimeException {

  private final String command;

  /** A malformed command line of {@code command} (its qualified name, e.g. {@code mimg ls}). */
  public UsageException(String message, String command) {
    super(message);
    this.command = command;
  }

  /** The qualified name of the command whose help to see. */
  public String command() {
    return command;
  }
}
