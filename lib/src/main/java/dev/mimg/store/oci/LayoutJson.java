package dev.mimg.store.oci;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mimg.model.OciDocuments;
import java.io.IOException;

/** The JSON of a layout (index.json, oci-layout, configs) read as trees and written with one Jackson mapper. */
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

  /** Parses any JSON document into a tree. */
  static JsonNode tree(byte[] bytes, String what) {
    try {
      JsonNode node = JSON.readTree(bytes);
      if (node == null || !node.isObject()) {
        throw new IllegalArgumentException(what + " is not a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw new IllegalArgumentException(what + " is not valid JSON: " + OciDocuments.firstLine(e), e);
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
}
