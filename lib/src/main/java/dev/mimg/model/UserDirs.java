package dev.mimg.model;

import java.nio.file.Path;
import java.util.Map;

/**
 * The per-user directories mimg reads and writes, as every CLI finds them: {@code $HOME} (the JVM's user.home
 * only when HOME is unset), the XDG base directories, and the docker CLI's config directory.
 */
public final class UserDirs {

  private UserDirs() {
  }

  /** {@code $HOME}, else the JVM's {@code user.home}. */
  public static Path home(Map<String, String> env) {
    String home = env.get("HOME");
    return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"));
  }

  /** mimg's cache directory: {@code $XDG_CACHE_HOME/mimg}, else {@code ~/.cache/mimg}. */
  public static Path cache(Map<String, String> env) {
    return xdg(env, "XDG_CACHE_HOME", ".cache").resolve("mimg");
  }

  /** mimg's data directory: {@code $XDG_DATA_HOME/mimg}, else {@code ~/.local/share/mimg}. */
  public static Path data(Map<String, String> env) {
    return xdg(env, "XDG_DATA_HOME", ".local/share").resolve("mimg");
  }

  /** The docker CLI's configuration directory: {@code $DOCKER_CONFIG}, else {@code ~/.docker}. */
  public static Path dockerConfig(Map<String, String> env) {
    String dir = env.get("DOCKER_CONFIG");
    return dir != null && !dir.isBlank() ? Path.of(dir) : home(env).resolve(".docker");
  }

  private static Path xdg(Map<String, String> env, String variable, String underHome) {
    String dir = env.get(variable);
    return dir != null && !dir.isBlank() ? Path.of(dir) : home(env).resolve(underHome);
  }
}
