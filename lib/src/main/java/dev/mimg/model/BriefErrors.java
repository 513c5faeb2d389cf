package dev.mimg.model;

/**
 * Whether mimg's own errors ({@link InvalidInputException}, {@link RequestFailedException}) skip their stack trace:
 * where a front end shows a thrown error whole but its message says all (a notebook kernel prints the class and
 * message, then every frame). Set by {@code -Dmimg.briefErrors=true}; off by default.
 */
public final class BriefErrors {

  private static final boolean ON = Boolean.getBoolean("mimg.briefErrors");

  private BriefErrors() {
  }

  /** True when mimg's errors are one line only. */
  public static boolean on() {
    return ON;
  }
}
