package dev.mimg.registry;

/** The bed's variables the registry tests read; a missing one fails the test (never skips it). */
final class BedEnv {

  private BedEnv() {
  }

  /** The value of {@code variable}, or an AssertionError telling how to bring the bed up. */
  static String required(String variable) {
    String value = System.getenv(variable);
    if (value == null || value.isBlank()) {
      throw new AssertionError(variable + " is not set: run the tests through bed/test (or source /tmp/mimg-bed/env after bed/up)");
    }
    return value;
  }
}
