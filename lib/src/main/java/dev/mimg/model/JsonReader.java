package dev.mimg.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Builds {@link Json} trees with jackson-core's streaming parser, without recursion. Strict JSON (no comments,
 * NaN or trailing commas), one document (anything but whitespace after it is an error), and Jackson's limits:
 * nesting depth {@value #MAX_DEPTH}, numbers of 1000 characters, strings of 20 million, names of 50,000, documents
 * of {@value #MAX_DOCUMENT_BYTES} bytes. Errors are {@link JsonException}s.
 */
final class JsonReader {

  /** The deepest nesting of objects and arrays read (Jackson's default). */
  static final int MAX_DEPTH = 1000;
  /** The largest document read: 256 MiB. */
  static final long MAX_DOCUMENT_BYTES = 256L << 20;

  /** The one factory for reading and writing (thread-safe). */
  static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
      .maxDocumentLength(MAX_DOCUMENT_BYTES).build())
      .build();

  private JsonReader() {
  }

  static Json parse(byte[] bytes) {
    try (JsonParser parser = FACTORY.createParser(bytes)) {
      return read(parser);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading bytes in memory: only closing could fail, and does not
    }
  }

  static Json parse(String text) {
    try (JsonParser parser = FACTORY.createParser(text)) {
      return read(parser);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Json read(JsonParser parser) throws IOException {
    try {
      JsonToken token = parser.nextToken();
      if (token == null) {
        return JsonLiteral.MISSING;
      }
      Json root = tree(parser, token);
      if (parser.nextToken() != null) {
        JsonLocation at = parser.currentTokenLocation();
        throw new JsonException("Unexpected content after the document's value", at.getLineNr(),
          at.getColumnNr(), null);
      }
      return root;
    } catch (JsonProcessingException e) {
      throw JsonErrors.of(e, parser.currentLocation());
    }
  }

  /** The value that starts with {@code token}, every nested value read into it. */
  private static Json tree(JsonParser parser, JsonToken first) throws IOException {
    Deque<Json> open = new ArrayDeque<>();
    Json root = null;
    for (JsonToken token = first; ; token = parser.nextToken()) {
      if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
        open.pop();
      } else if (token != JsonToken.FIELD_NAME) {
        Json value = value(parser, token);
        Json parent = open.peek();
        if (parent == null) {
          root = value;
        } else if (parent instanceof JsonObject object) {
          object.set(parser.currentName(), value);
        } else {
          ((JsonArray) parent).add(value);
        }
        if (value instanceof JsonObject || value instanceof JsonArray) {
          open.push(value);
        }
      }
      if (open.isEmpty()) {
        return root;
      }
    }
  }

  private static Json value(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT:
        return new JsonObject(parser.currentTokenLocation().getLineNr(),
          parser.currentTokenLocation().getColumnNr());
      case START_ARRAY:
        return new JsonArray(parser.currentTokenLocation().getLineNr(),
          parser.currentTokenLocation().getColumnNr());
      case VALUE_STRING:
        return new JsonString(parser.getText());
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return new JsonNumber(parser.getText());
      case VALUE_TRUE:
        return JsonLiteral.TRUE;
      case VALUE_FALSE:
        return JsonLiteral.FALSE;
      case VALUE_NULL:
        return JsonLiteral.NULL;
      default:
        JsonLocation at = parser.currentTokenLocation();
        throw new JsonException("Unexpected token " + token, at.getLineNr(), at.getColumnNr(), null);
    }
  }
}
