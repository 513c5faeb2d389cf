package dev.mimg.store.docker;

import dev.mimg.model.Timeouts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One connection to an engine behind {@code ssh://[user@]host[:port]}, as the docker CLI makes it: {@code ssh} runs
 * {@code docker system dial-stdio} on the host and HTTP goes over its stdin and stdout. ssh runs with
 * {@code BatchMode=yes} (never a prompt that hangs without a terminal) and the connect timeout; a read that waits
 * longer than the read timeout ends the process. When ssh ends before the engine answered, its error output becomes
 * one line: the host refused, wants a password or key, is not known, or has no docker.
 */
final class SshConnection implements EngineConnection {

  /** The environment variable with the ssh command to run (default {@code ssh}), e.g. {@code ssh -F FILE}. */
  static final String COMMAND_ENV = "MIMG_SSH_COMMAND";
  private static final int STDERR_KEPT = 4096;

  private final Process process;
  private final URI host;
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private final Timeouts timeouts;
  private final Thread drain;

  private SshConnection(Process process, URI host, Timeouts timeouts) {
    this.process = process;
    this.host = host;
    this.timeouts = timeouts;
    this.drain = new Thread(this::drainStderr, "mimg-ssh-stderr");
    drain.setDaemon(true);
    drain.start();
  }

  /** Starts ssh to {@code host} (an {@code ssh://} URI) running dial-stdio. */
  static SshConnection open(URI host, Timeouts timeouts, Map<String, String> env) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command(host, timeouts, env));
    return new SshConnection(builder.start(), host, timeouts);
  }

  /** The command line: the ssh command, its options, the target, then {@code docker system dial-stdio}. */
  static List<String> command(URI host, Timeouts timeouts, Map<String, String> env) {
    String ssh = env.getOrDefault(COMMAND_ENV, "");
    List<String> command = new ArrayList<>(List.of(ssh.isBlank() ? new String[] {"ssh"} : ssh.strip().split("\\s+")));
    command.addAll(List.of("-o", "BatchMode=yes", "-T"));
    if (timeouts.limitsConnect()) {
      command.addAll(List.of("-o", "ConnectTimeout=" + Math.max(1, timeouts.connect().toSeconds())));
    }
    if (host.getUserInfo() != null && !host.getUserInfo().isEmpty()) {
      command.addAll(List.of("-l", host.getUserInfo()));
    }
    if (host.getPort() > 0) {
      command.addAll(List.of("-p", String.valueOf(host.getPort())));
    }
    command.addAll(List.of("--", host.getHost(), "docker", "system", "dial-stdio"));
    return command;
  }

  private void drainStderr() {
    byte[] buffer = new byte[1024];
    try (InputStream in = process.getErrorStream()) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        synchronized (stderr) {
          if (stderr.size() < STDERR_KEPT) {
            stderr.write(buffer, 0, Math.min(n, STDERR_KEPT - stderr.size()));
          }
        }
      }
    } catch (IOException ignored) {
      // the process ended; what it said so far is kept
    }
  }

  @Override
  public InputStream input() {
    InputStream out = process.getInputStream();
    return new InputStream() {
      private boolean answered;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = timedRead(out, buffer, offset, length);
        if (n < 0 && !answered) {
          throw new IOException(failure());
        }
        answered |= n > 0;
        return n;
      }
    };
  }

  /** A read that ends the process when nothing arrives within the read timeout. */
  private int timedRead(InputStream out, byte[] buffer, int offset, int length) throws IOException {
    if (!timeouts.limitsRead()) {
      return out.read(buffer, offset, length);
    }
    long deadline = System.nanoTime() + timeouts.read().toNanos();
    while (out.available() == 0 && process.isAlive()) {
      if (System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new SocketTimeoutException("Read timed out");
      }
      try {
        process.waitFor(10, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
        throw new java.io.InterruptedIOException("interrupted waiting for " + host);
      }
    }
    return out.read(buffer, offset, length);
  }

  /** Why ssh ended before the engine answered, in one line. */
  private String failure() {
    try {
      process.waitFor(2, TimeUnit.SECONDS);
      drain.join(1000);   // all of what ssh said, not only what was copied so far
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    String said;
    synchronized (stderr) {
      said = stderr.toString(StandardCharsets.UTF_8);
    }
    int code = process.isAlive() ? -1 : process.exitValue();
    return SshErrors.oneLine(host, code, said);
  }

  /** Where the request goes; a write that fails because ssh already ended says why ssh ended. */
  @Override
  public OutputStream output() {
    OutputStream in = process.getOutputStream();
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] buffer, int offset, int length) throws IOException {
        try {
          in.write(buffer, offset, length);
        } catch (IOException e) {
          throw new IOException(failure());   // ssh's reason, not the closed pipe
        }
      }

      @Override
      public void flush() throws IOException {
        try {
          in.flush();
        } catch (IOException e) {
          throw new IOException(failure());   // ssh's reason, not the closed pipe
        }
      }
    };
  }

  @Override
  public void close() {
    process.destroy();
  }
}
