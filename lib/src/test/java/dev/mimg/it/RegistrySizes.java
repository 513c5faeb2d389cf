package dev.mimg.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Sizes computed from a registry's own manifest text (as crane printed it), independently of mimg's code. */
final class RegistrySizes {

  private RegistrySizes() {
  }

  /** Manifest bytes + config size + layer sizes: the content a store holds for a present variant. */
  static long contentSize(String manifestText) {
    try {
      JsonNode manifest = new ObjectMapper().readTree(manifestText);
      long size = manifestText.strip().getBytes(StandardCharsets.UTF_8).length + manifest.path("config").path("size").asLong();
      for (JsonNode layer : manifest.path("layers")) {
        size += layer.path("size").asLong();
      }
      return size;
    } catch (IOException e) {
      throw new AssertionError("crane printed no manifest JSON: " + manifestText, e);
    }
  }
}
