package dev.mimg.registry;

import dev.mimg.model.Json;
import dev.mimg.model.JsonException;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A docker credential helper, run as {@code docker-credential-NAME get} with the server address on stdin. */
final class CredentialHelper {

  private static final long TIMEOUT_SECONDS = 30;

  private final String program;

  private CredentialHelper(String program) {
    this.program = program;
  }

  /** The helper config.json names {@code name}: the program {@code docker-credential-NAME} on the PATH. */
  static CredentialHelper named(String name) {
    return new CredentialHelper("docker-credential-" + name);
  }

  /** A helper program at an explicit path (tests). */
  static CredentialHelper at(Path program) {
    return new CredentialHelper(program.toString());
  }

  /** The helper's credential for {@code server}; empty when it has none (it exits non-zero, as docker accepts). */
  Optional<Credential> get(String server) {
    try {
      Process process = new ProcessBuilder(program, "get").redirectError(ProcessBuilder.Redirect.DISCARD).start();
      process.getOutputStream().write(server.getBytes(StandardCharsets.UTF_8));
      process.getOutputStream().close();
      // read the answer beside the clock: a helper waiting on a keychain prompt must not hang mimg
      java.util.concurrent.CompletableFuture<byte[]> answered =
          java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
              return process.getInputStream().readAllBytes();
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          });
      byte[] out;
      try {
        out = answered.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          throw new java.util.concurrent.TimeoutException();
        }
      } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
        process.destroyForcibly();
        throw new RegistryException(program + " did not answer within " + TIMEOUT_SECONDS + " s");
      }
      if (process.exitValue() != 0) {
        return Optional.empty();
      }
      Json answer = Json.parse(out);
      String user = answer.path("Username").asText("");
      String secret = answer.path("Secret").asText("");
      return Optional.of(user.equals("<token>") ? Credential.identityToken(secret) : Credential.basic(user, secret));
    } catch (JsonException e) {
      throw new RegistryException(program + " answered with something other than JSON");
    } catch (IOException e) {
      throw new RegistryException("cannot run the credential helper " + program + " (from config.json): "
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replaceAll("\\s+", " ")));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryException("interrupted while running " + program);
    }
  }
}
