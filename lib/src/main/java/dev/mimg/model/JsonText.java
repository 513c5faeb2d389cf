package dev.mimg.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Writes {@link Json} values through jackson-core's generator: compact (what mimg writes to files and prints for
 * scripts), or indented as {@code docker image inspect} prints ({@code "key": value}, 4 spaces, {@code [ ]} for an
 * empty array). Strings are escaped as Jackson's generators escape them: quote, backslash and control characters,
 * and in UTF-8 bytes also the characters beyond the BMP (as escaped surrogate pairs); numbers are written as read.
 */
public final class JsonText {

  private JsonText() {
  }

  /** The compact JSON of {@code value}. */
  public static String compact(Json value) {
    return compact(value, null);
  }

  /** The compact JSON of {@code value}, strings escaped by {@code escapes} (null: Jackson's standard ones). */
  public static String compact(Json value, CharacterEscapes escapes) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = JsonReader.FACTORY.createGenerator(out)) {
      if (escapes != null) {
        generator.setCharacterEscapes(escapes);
      }
      write(value, generator);
    } catch (IOException e) {
      throw failed(e);
    }
    return out.toString();
  }

  /** The compact JSON of {@code value} as UTF-8 bytes, no newline after it (index.json, oci-layout). */
  public static byte[] utf8(Json value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator generator = JsonReader.FACTORY.createGenerator(out)) {
      write(value, generator);
    } catch (IOException e) {
      throw failed(e);
    }
    return out.toByteArray();
  }

  /** {@code value} indented as {@code docker image inspect} prints it, no newline after it. */
  public static String indented(Json value) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = JsonReader.FACTORY.createGenerator(out)) {
      Separators separators = Separators.createDefaultInstance()
          .withObjectFieldValueSpacing(Separators.Spacing.AFTER);
      generator.setPrettyPrinter(new DefaultPrettyPrinter().withSeparators(separators)
          .withArrayIndenter(new DefaultIndenter("    ", "\n"))
          .withObjectIndenter(new DefaultIndenter("    ", "\n")));
      write(value, generator);
    } catch (IOException e) {
      throw failed(e);
    }
    return out.toString();
  }

  private static void write(Json value, JsonGenerator generator) throws IOException {
    if (value instanceof JsonObject object) {
      generator.writeStartObject();
      for (Map.Entry<String, Json> member : object.members().entrySet()) {
        generator.writeFieldName(member.getKey());
        write(member.getValue(), generator);
      }
      generator.writeEndObject();
    } else if (value instanceof JsonArray array) {
      generator.writeStartArray();
      for (Json element : array.elements()) {
        write(element, generator);
      }
      generator.writeEndArray();
    } else if (value instanceof JsonString string) {
      generator.writeString(string.value());
    } else if (value instanceof JsonNumber number) {
      generator.writeNumber(number.text());
    } else if (value == JsonLiteral.TRUE || value == JsonLiteral.FALSE) {
      generator.writeBoolean(value == JsonLiteral.TRUE);
    } else if (value == JsonLiteral.NULL) {
      generator.writeNull();
    } else {
      throw new IllegalArgumentException("MISSING is no JSON value: it cannot be written");
    }
  }

  private static RuntimeException failed(IOException e) {
    // in memory nothing fails to write; what is left is a value Jackson refuses (a lone surrogate, too deep)
    return e instanceof JsonProcessingException json ? JsonErrors.of(json, null) : new UncheckedIOException(e);
  }
}
