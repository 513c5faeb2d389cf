package dev.mimg.store.docker;

import java.net.URI;

/** What ssh's error output means, in one line for the user (never ssh's prompts or the key material). */
final class SshErrors {

  private SshErrors() {
  }

  /** One line for ssh to {@code host} that ended with {@code exitCode} after printing {@code stderr}. */
  static String oneLine(URI host, int exitCode, String stderr) {
    String target = host.getHost() + (host.getPort() > 0 ? " port " + host.getPort() : "");
    String last = stderr.lines().map(String::strip).filter(line -> !line.isEmpty()).reduce((a, b) -> b).orElse("");
    if (stderr.contains("Connection refused")) {
      return "ssh: " + target + " refused the connection (no sshd listening there?)";
    }
    if (stderr.contains("Permission denied")) {
      return "ssh: " + target + " did not accept a key for " + (host.getUserInfo() == null ? "the user"
          : host.getUserInfo()) + " (" + last.replaceFirst(".*Permission denied", "Permission denied")
          + "); mimg runs ssh with BatchMode=yes and never asks for a password: load a key into ssh-agent or name "
          + "one in ~/.ssh/config";
    }
    if (stderr.contains("Host key verification failed") || stderr.contains("REMOTE HOST IDENTIFICATION")) {
      return "ssh: the host key of " + target + " is not known or has changed: check it with ssh "
          + host.getHost() + " once (ssh then records it in known_hosts)";
    }
    if (exitCode == 127 || stderr.contains("command not found") || stderr.contains("not found")
        && stderr.contains("docker")) {
      return "ssh: no docker command on " + target + ": docker system dial-stdio needs the docker CLI on the "
          + "host's PATH";
    }
    if (stderr.contains("Could not resolve hostname")) {
      return "ssh: cannot resolve " + host.getHost();
    }
    if (stderr.contains("timed out")) {
      return "ssh: connecting to " + target + " timed out";
    }
    return "ssh to " + target + " ended (exit " + exitCode + ") before the engine answered"
        + (last.isEmpty() ? "" : ": " + last);
  }
}
