package dev.mimg.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** What to try first on a machine with no engine and an empty per-user store. */
final class FirstRun {

  private FirstRun() {
  }

  /**
   * The hint: pull a platform into the store, or list the example store of the checkout the launcher runs from
   * ({@code -Dmimg.home}), when there is one.
   */
  static String hint() {
    String home = System.getProperty("mimg.home");
    Path examples = home == null ? null : Path.of(home, "examples", "store");
    String example = examples != null && Files.isDirectory(examples)
        ? ", or list the example store: mimg --store oci:" + examples + " ls" : "";
    return "the store is empty: pull a platform into it, e.g. mimg pull alpine --platform linux/arm64" + example;
  }
}
