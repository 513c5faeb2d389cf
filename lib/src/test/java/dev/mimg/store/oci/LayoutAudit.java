package dev.mimg.store.oci;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks a layout as an independent reader would, without mimg's model: {@code oci-layout} says 1.0.0,
 * {@code index.json} is an OCI index, every reachable blob that is present hashes (sha256) to its file name, and no
 * temporary or partial file is left anywhere.
 */
final class LayoutAudit {

  private static final ObjectMapper JSON = new ObjectMapper();

  private LayoutAudit() {
  }

  /** Asserts the layout in {@code dir} is valid; returns how many reachable blobs are present. */
  static int check(Path dir) {
    JsonNode marker = read(dir.resolve("oci-layout"));
    assertThat(marker.path("imageLayoutVersion").asText()).isEqualTo("1.0.0");
    JsonNode index = read(dir.resolve("index.json"));
    assertThat(index.path("schemaVersion").asInt()).isEqualTo(2);
    assertThat(index.path("manifests").isArray()).isTrue();
    assertThat(temporaryFiles(dir)).as("temporary files in " + dir).isEmpty();
    Deque<JsonNode> pending = new ArrayDeque<>();
    index.path("manifests").forEach(pending::add);
    Set<String> seen = new HashSet<>();
    int present = 0;
    while (!pending.isEmpty()) {
      JsonNode descriptor = pending.pop();
      String digest = descriptor.path("digest").asText();
      assertThat(digest).startsWith("sha256:");
      Path blob = dir.resolve("blobs/sha256/" + digest.substring("sha256:".length()));
      if (!seen.add(digest) || !Files.exists(blob)) {
        continue;
      }
      present++;
      byte[] bytes = bytes(blob);
      assertThat("sha256:" + sha256(bytes)).as(blob.toString()).isEqualTo(digest);
      assertThat((long) bytes.length).as("size of " + digest).isEqualTo(descriptor.path("size").asLong());
      String mediaType = descriptor.path("mediaType").asText();
      if (mediaType.contains("index") || mediaType.contains("manifest.list")) {
        parse(bytes).path("manifests").forEach(pending::add);
      } else if (mediaType.contains("manifest")) {
        JsonNode manifest = parse(bytes);
        pending.add(manifest.path("config"));
        manifest.path("layers").forEach(pending::add);
      }
    }
    return present;
  }

  /** Asserts every blob file, reachable or not, hashes to its name (no partial or wrong content under a digest). */
  static void allBlobsIntact(Path dir) {
    try (Stream<Path> files = Files.list(dir.resolve("blobs/sha256"))) {
      files.filter(f -> !f.getFileName().toString().startsWith(".")).forEach(f ->
          assertThat(sha256(bytes(f))).as(f.toString()).isEqualTo(f.getFileName().toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Files whose name starts with '.' (temporary files), except the layout's lock file. */
  static List<Path> temporaryFiles(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().startsWith(".") && !f.getFileName().toString().equals(
              LayoutLock.FILE_NAME))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode read(Path file) {
    return parse(bytes(file));
  }

  private static JsonNode parse(byte[] bytes) {
    try {
      return JSON.readTree(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
