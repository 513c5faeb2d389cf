package dev.mimg.store.oci;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mimg.model.ImageIndex;
import dev.mimg.model.ImageManifest;
import dev.mimg.model.InvalidInputException;
import java.io.IOException;

/** The JSON documents of a layout (index.json, manifests, configs) read and written with one Jackson mapper. */
final class LayoutJson {

  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
      .configure(SerializationFeature.INDENT_OUTPUT, false);

  private LayoutJson() {
  }

  /** The shared mapper (thread-safe once configured). */
  static ObjectMapper mapper() {
    return JSON;
  }

  /** Parses an index; {@code what} names the document in the one-line error. */
  static ImageIndex index(byte[] bytes, String what) {
    ImageIndex index = parse(bytes, ImageIndex.class, what);
    if (index.schemaVersion() != 2) {
      throw new IllegalArgumentException(what + " has schemaVersion " + index.schemaVersion() + ", expected 2");
    }
    index.manifests().forEach(child -> requireDigest(child, what));
    return index;
  }

  /** Parses an image manifest; its config and every layer must name a digest. */
  static ImageManifest manifest(byte[] bytes, String what) {
    ImageManifest manifest = parse(bytes, ImageManifest.class, what);
    if (manifest.config() != null) {
      requireDigest(manifest.config(), what);
    }
    manifest.layers().forEach(layer -> requireDigest(layer, what));
    return manifest;
  }

  private static void requireDigest(dev.mimg.model.Descriptor descriptor, String what) {
    if (descriptor == null || descriptor.digest() == null) {
      throw new IllegalArgumentException(what + " has a descriptor without a digest");
    }
  }

  /** Parses any JSON document into a tree. */
  static JsonNode tree(byte[] bytes, String what) {
    try {
      JsonNode node = JSON.readTree(bytes);
      if (node == null || !node.isObject()) {
        throw new IllegalArgumentException(what + " is not a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw new IllegalArgumentException(what + " is not valid JSON: " + firstLine(e), e);
    }
  }

  /** Serializes an index as compact JSON bytes. */
  static byte[] bytes(Object document) {
    try {
      return JSON.writeValueAsBytes(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize " + document.getClass().getSimpleName(), e);
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

  private static String firstLine(Exception e) {
    String message = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse("").strip();
  }
}
