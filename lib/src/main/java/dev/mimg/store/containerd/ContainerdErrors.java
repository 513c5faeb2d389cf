package dev.mimg.store.containerd;

import dev.mimg.store.StoreException;
import dev.mimg.store.StoreUnavailableException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;

/** The one-line errors of the containerd store: what failed, on which socket, and what to do about it. */
final class ContainerdErrors {

  private ContainerdErrors() {
  }

  /** containerd's socket does not exist. */
  static StoreUnavailableException noSocket(Path socket) {
    return new StoreUnavailableException("no containerd socket at " + socket + " (is containerd running? "
        + "--store containerd:SOCKET names another; dockerd's own is under its exec-root, see docker info)", null);
  }

  /** This process may not connect to the socket: who may, and containerd's setting that widens it. */
  static StoreUnavailableException permissionDenied(Path socket, Throwable cause) {
    return new StoreUnavailableException("permission denied on containerd's socket " + socket + " ("
        + owner(socket) + "): run as that uid (usually root, e.g. with sudo) or as a member of that group; "
        + "containerd's config sets the group with grpc.gid ([grpc] gid = N in config.toml)", cause);
  }

  /**
   * A failed call as one line: {@code what} the store was doing. The socket going away after it answered, or a
   * connection that ends under a call, means containerd stopped or restarted meanwhile.
   */
  static StoreException call(Path socket, String what, String code, String description, List<String> causes,
      boolean answeredBefore, Throwable cause) {
    String causeText = String.join(": ", causes).toLowerCase(Locale.ROOT);
    if (causeText.contains("permission denied")) {
      return permissionDenied(socket, cause);
    }
    if ("UNAVAILABLE".equals(code)) {
      if (causeText.contains("no such file") || causeText.contains("connection refused")) {
        return answeredBefore
            ? new StoreUnavailableException("containerd at " + socket + " went away while " + what
                + " (stopped or restarting?): nothing was changed by this call; try again", cause)
            : new StoreUnavailableException("containerd does not answer on " + socket + " (" + brief(causes)
                + "): is it running?", cause);
      }
      // connected, then the connection ended under the call: the daemon closed it (stopped or restarting)
      return new StoreUnavailableException("containerd at " + socket + " broke off while " + what
          + " (stopped or restarting?): " + brief(causes, description) + "; try again", cause);
    }
    if ("DEADLINE_EXCEEDED".equals(code)) {
      return new StoreUnavailableException("containerd at " + socket + " did not answer in time while " + what
          + " (MIMG_READ_TIMEOUT sets the limit)", cause);
    }
    return new StoreException("containerd at " + socket + " refused " + what + ": " + code.toLowerCase(Locale.ROOT)
        .replace('_', ' ') + (description == null || description.isBlank() ? "" : ": " + description), cause);
  }

  /** {@code owner uid 0, group gid 0, mode rw-rw----}, or what is known of it. */
  static String owner(Path socket) {
    try {
      Object uid = Files.getAttribute(socket, "unix:uid", LinkOption.NOFOLLOW_LINKS);
      Object gid = Files.getAttribute(socket, "unix:gid", LinkOption.NOFOLLOW_LINKS);
      String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(socket));
      return "owner uid " + uid + ", group gid " + gid + ", mode " + mode;
    } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
      return "owner unknown: " + e.getMessage();
    }
  }

  private static String brief(List<String> causes) {
    return causes.isEmpty() ? "no answer" : causes.get(causes.size() - 1);
  }

  private static String brief(List<String> causes, String description) {
    return description != null && !description.isBlank() ? description : brief(causes);
  }
}
