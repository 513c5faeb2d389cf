package dev.mimg.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Reads OCI image indexes and manifests from their bytes, wherever they come from (a layout, a registry), with one
 * set of checks: valid JSON, an index of schemaVersion 2, a digest on every descriptor. Failures are one-line
 * {@link IllegalArgumentException}s that start with {@code what}, the document's name in the message.
 */
public final class OciDocuments {

  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private OciDocuments() {
  }

  /** Parses an image index; {@code what} names the document in the one-line error. */
  public static ImageIndex index(byte[] bytes, String what) {
    ImageIndex index = parse(bytes, ImageIndex.class, what);
    if (index.schemaVersion() != 2) {
      throw new IllegalArgumentException(what + " has schemaVersion " + index.schemaVersion() + ", expected 2");
    }
    index.manifests().forEach(child -> requireDigest(child, what));
    return index;
  }

  /** Parses an image manifest; its config and every layer must name a digest. */
  public static ImageManifest manifest(byte[] bytes, String what) {
    ImageManifest manifest = parse(bytes, ImageManifest.class, what);
    if (manifest.config() != null) {
      requireDigest(manifest.config(), what);
    }
    manifest.layers().forEach(layer -> requireDigest(layer, what));
    return manifest;
  }

  private static void requireDigest(Descriptor descriptor, String what) {
    if (descriptor == null || descriptor.digest() == null) {
      throw new IllegalArgumentException(what + " has a descriptor without a digest");
    }
  }

  private static <T> T parse(byte[] bytes, Class<T> type, String what) {
    try {
      T value = JSON.readValue(bytes, type);
      if (value == null) {
        throw new IllegalArgumentException(what + " is empty");
      }
      return value;
    } catch (InvalidInputException e) {
      throw new IllegalArgumentException(what + " has " + e.getMessage(), e);
    } catch (IOException e) {
      if (e.getCause() instanceof InvalidInputException invalid) {
        throw new IllegalArgumentException(what + " has " + invalid.getMessage(), e);
      }
      throw new IllegalArgumentException(what + " is not valid JSON: " + firstLine(e), e);
    }
  }

  /** The first line of a parser's message (Jackson's without its source excerpt). */
  public static String firstLine(Exception e) {
    String message = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse("").strip();
  }
}
