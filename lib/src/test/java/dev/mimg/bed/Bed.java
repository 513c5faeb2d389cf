package dev.mimg.bed;

import dev.mimg.store.docker.EngineEndpoint;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The running test bed (bed/up) as the tests see it; fails loudly, never skips, when it is not up. */
public final class Bed {

  private Bed() {
  }

  /** The engine with the containerd image store. */
  public static EngineEndpoint snap() {
    return endpoint("MIMG_BED_SNAP_HOST");
  }

  /** The engine on the classic graphdriver store. */
  public static EngineEndpoint graph() {
    return endpoint("MIMG_BED_GRAPH_HOST");
  }

  /** host:port of the bed's registry. */
  public static String registry() {
    return required("MIMG_BED_REGISTRY");
  }

  /** A fixture's full reference, e.g. {@code ref("mimg/alpine:3.16")}. */
  public static String ref(String repoAndTag) {
    return registry() + "/" + repoAndTag;
  }

  /** Runs the bed's docker CLI against the snap engine and returns its stdout (fails on a non-zero exit). */
  public static String docker(String... args) {
    return dockerOn(required("MIMG_BED_SNAP_HOST"), args);
  }

  /** Runs the bed's docker CLI against the engine at {@code host}. */
  public static String dockerOn(String host, String... args) {
    List<String> command = new ArrayList<>(List.of(required("MIMG_BED_DOCKER"), "-H", host));
    command.addAll(List.of(args));
    return run(command, Map.of("DOCKER_CONFIG", Path.of(System.getProperty("java.io.tmpdir"), "mimg-bed-cli").toString()));
  }

  /** Runs the bed's crane (plain HTTP to the bed's registry) and returns its stdout. */
  public static String crane(String... args) {
    List<String> command = new ArrayList<>(List.of(required("MIMG_BED_CRANE")));
    command.addAll(List.of(args));
    return run(command, Map.of());
  }

  /** Runs a command, returns stdout; throws with stderr when it fails. */
  public static String run(List<String> command, Map<String, String> env) {
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      builder.environment().putAll(env);
      Process process = builder.start();
      byte[] err = new byte[0];
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      err = process.getErrorStream().readAllBytes();
      if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new AssertionError(command + " failed: " + new String(err, StandardCharsets.UTF_8));
      }
      return out;
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(command + " could not run", e);
    }
  }

  private static EngineEndpoint endpoint(String variable) {
    return new EngineEndpoint(URI.create(required(variable)), null, false, variable, true);
  }

  private static String required(String variable) {
    String value = System.getenv(variable);
    if (value == null || value.isBlank()) {
      throw new AssertionError(variable + " is not set: run the tests through bed/test (or source /tmp/mimg-bed/env after bed/up)");
    }
    return value;
  }
}
