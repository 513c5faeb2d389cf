package dev.mimg.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** mimg's JSON model: what it reads, what it writes (as Jackson's databind wrote it before), and its errors. */
class JsonTest {

  private static final ObjectMapper DATABIND = new ObjectMapper();

  /** Documents whose numbers databind keeps as they are written, so its output is the reference for ours. */
  private static final List<String> DOCUMENTS = List.of(
      "{}", "[]", "[ ]", "null", "true", "\"text\"", "0", "-12", "9223372036854775807", "12345678901234567890123",
      "{\"b\":1,\"a\":[true,false,null,\"x\"],\"c\":{\"d\":{},\"e\":[[]]}}",
      "{\"Id\":\"sha256:abc\",\"Size\":7327,\"Ratio\":0.5,\"Config\":{\"Env\":[\"PATH=/usr/bin\"],\"Labels\":null}}",
      "[\"\\u003cb\\u003e \\u0026 \\u2028\\u2029\",\"caf\\u00e9 \\ud83d\\ude00\",\"tab\\tnl\\ncr\\r\\\\ \\\"q\\\" \\/\"]",
      "[\"\\u0000\\u0001\\u001f\\u007f\\u0080\",\"\u65e5\u672c\", \"\\b\\f\"]",
      "  {\n  \"spaced\" : [ 1 , 2 ] ,\n  \"x\" : \"y\" }  \n");

  @Test
  void compactOutputIsDatabindsForEveryDocument() throws Exception {
    for (String document : DOCUMENTS) {
      assertThat(JsonText.compact(Json.parse(document))).as(document)
          .isEqualTo(DATABIND.writeValueAsString(DATABIND.readTree(document)));
      assertThat(JsonText.utf8(Json.parse(document.getBytes(StandardCharsets.UTF_8)))).as(document)
          .isEqualTo(DATABIND.writeValueAsBytes(DATABIND.readTree(document)));
      assertThat(Json.parse(document).toString()).isEqualTo(JsonText.compact(Json.parse(document)));
    }
  }

  @Test
  void indentedOutputIsWhatInspectPrintedWithDatabind() throws Exception {
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
        .withArrayIndenter(new DefaultIndenter("    ", "\n"))
        .withObjectIndenter(new DefaultIndenter("    ", "\n"));
    for (String document : DOCUMENTS) {
      assertThat(JsonText.indented(Json.parse(document))).as(document)
          .isEqualTo(DATABIND.writer(printer).writeValueAsString(DATABIND.readTree(document)));
    }
    assertThat(JsonText.indented(Json.parse("[{\"a\":[],\"b\":{},\"c\":[1]}]"))).isEqualTo("""
                [
                    {
                        "a": [ ],
                        "b": { },
                        "c": [
                            1
                        ]
                    }
                ]""");
  }

  @ParameterizedTest
  @ValueSource(strings = {"12345678901234567890123456789", "-9223372036854775808", "1.50", "1e5", "1E-7", "-0",
    "0.1000000000000000055511151231257827", "2.5e+300"})
  void numbersAreWrittenAsTheyWereRead(String number) {
    assertThat(JsonText.compact(Json.parse("[" + number + "]"))).isEqualTo("[" + number + "]");
    assertThat(JsonText.indented(Json.parse("{\"n\":" + number + "}"))).contains("\"n\": " + number + "\n");
    assertThat(((JsonNumber) Json.parse(number)).decimal()).isEqualByComparingTo(new java.math.BigDecimal(number));
  }

  @Test
  void longsAreExactAndOutOfRangeIsAnError() {
    JsonObject sizes = (JsonObject) Json.parse("{\"max\":9223372036854775807,\"min\":-9223372036854775808,"
        + "\"over\":9223372036854775808,\"text\":\" 42 \",\"cut\":7.9,\"exp\":1e3,\"tiny\":1e-999999999,"
        + "\"huge\":1e999999999,\"null\":null}");
    assertThat(sizes.getLong("max")).isEqualTo(Long.MAX_VALUE);
    assertThat(sizes.getLong("min")).isEqualTo(Long.MIN_VALUE);
    assertThat(sizes.getLong("text")).isEqualTo(42);
    assertThat(sizes.getLong("cut")).isEqualTo(7);
    assertThat(sizes.getLong("exp")).isEqualTo(1000);
    assertThat(sizes.getLong("tiny")).isZero();
    assertThat(sizes.getLong("null")).isZero();
    assertThat(sizes.getLong("absent")).isZero();
    assertThatThrownBy(() -> sizes.getLong("over")).isInstanceOf(JsonException.class)
        .hasMessage("Cannot deserialize value of type `long` from Number value (member \"over\") at line 1, column 1");
    assertThatThrownBy(() -> sizes.getLong("huge")).isInstanceOf(JsonException.class);
    assertThatThrownBy(() -> sizes.getInt("max")).isInstanceOf(JsonException.class);
  }

  @Test
  void unicodeEscapesAreReadAndWrittenAsJacksonWritesThem() {
    Json json = Json.parse("[\"\\u003cb\\u003e\\u0026\",\"\\u2028\",\"\\ud83d\\ude00\",\"caf\\u00e9\",\"\\u001f\"]");
    assertThat(json).map(Json::asText).containsExactly("<b>&", "\u2028", "\ud83d\ude00", "caf\u00e9", "\u001f");
    assertThat(JsonText.compact(json)).isEqualTo("[\"<b>&\",\"\u2028\",\"\ud83d\ude00\",\"caf\u00e9\",\"\\u001F\"]");
    // Jackson's UTF-8 generator (index.json) escapes characters beyond the BMP; its text generator does not
    assertThat(new String(JsonText.utf8(json), StandardCharsets.UTF_8))
        .isEqualTo("[\"<b>&\",\"\u2028\",\"\\uD83D\\uDE00\",\"caf\u00e9\",\"\\u001F\"]");
  }

  @Test
  void aRepeatedNameKeepsItsFirstPlaceAndItsLastValue() throws Exception {
    String document = "{\"a\":1,\"b\":2,\"a\":{\"c\":3}}";
    assertThat(JsonText.compact(Json.parse(document))).isEqualTo("{\"a\":{\"c\":3},\"b\":2}")
        .isEqualTo(DATABIND.readTree(document).toString());
  }

  @Test
  void noValueIsMissingAndNullIsNull() {
    assertThat(Json.parse("")).isSameAs(JsonLiteral.MISSING);
    assertThat(Json.parse(" \n\t ".getBytes(StandardCharsets.UTF_8))).isSameAs(JsonLiteral.MISSING);
    assertThat(Json.parse("null").isNull()).isTrue();
    assertThat(Json.parse("null").isMissing()).isFalse();
  }

  static Stream<Arguments> malformed() {
    String value = "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')";
    return Stream.of(
        Arguments.of("{\"a\" 1}", "Unexpected character ('1' (code 49)): was expecting a colon to separate field "
            + "name and value at line 1, column 6"),
        Arguments.of("[1,2", "Unexpected end-of-input: expected close marker for Array (start marker at line 1, "
            + "column 1) at line 1, column 5"),
        Arguments.of("{\"a\":tru}", "Unrecognized token 'tru': was expecting " + value + " at line 1, column 6"),
        Arguments.of("<html>", "Unexpected character ('<' (code 60)): expected a valid value " + value
            + " at line 1, column 1"),
        Arguments.of("{} x", "Unrecognized token 'x': was expecting " + value + " at line 1, column 4"),
        Arguments.of("{} {}", "Unexpected content after the document's value at line 1, column 4"),
        Arguments.of("[1,]", "Unexpected character (']' (code 93)): expected a valid value " + value
            + " at line 1, column 4"),
        Arguments.of("[01]", "Invalid numeric value: Leading zeroes not allowed at line 1, column 3"),
        Arguments.of("[NaN]", "Non-standard token 'NaN': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to "
            + "allow at line 1, column 5"),
        Arguments.of("{\"a\":1}}", "Unexpected close marker '}': no open Object to close at line 1, column 8"));
  }

  @ParameterizedTest
  @MethodSource("malformed")
  void malformedInputIsOneLineWithWhereNeverTheSource(String input, String message) {
    assertThatThrownBy(() -> Json.parse(input)).isInstanceOf(JsonException.class).hasMessage(message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("[Source"));
    // the parser of bytes words some errors shorter, but says where just the same
    assertThatThrownBy(() -> Json.parse(input.getBytes(StandardCharsets.UTF_8))).isInstanceOf(JsonException.class)
        .hasMessageEndingWith(message.substring(message.lastIndexOf(" at line ")))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("[Source"));
  }

  @Test
  void anErrorOnALaterLineSaysWhichLine() {
    assertThatThrownBy(() -> Json.parse("{\n  \"a\": 1,\n  \"b\": [1 2]\n}")).isInstanceOf(JsonException.class)
        .hasMessageEndingWith(" at line 3, column 11")
        .satisfies(e -> assertThat(((JsonException) e).line()).isEqualTo(3))
        .satisfies(e -> assertThat(((JsonException) e).reason()).doesNotContain("line"));
    assertThatThrownBy(() -> Json.parse("\"a\u0001\"")).hasMessageStartingWith("Illegal unquoted character");
  }

  @Test
  void nestingDeeperThanAThousandIsAnError() {
    assertThat(Json.parse("[".repeat(1000) + "]".repeat(1000)).size()).isEqualTo(1);
    assertThatThrownBy(() -> Json.parse("[".repeat(1001) + "]".repeat(1001))).isInstanceOf(JsonException.class)
        .hasMessage("Document nesting depth (1001) exceeds the maximum allowed (1000, from "
            + "`StreamReadConstraints.getMaxNestingDepth()`) at line 1, column 1002");
    assertThatThrownBy(() -> Json.parse("{\"a\":".repeat(1001) + "1" + "}".repeat(1001)))
        .hasMessageStartingWith("Document nesting depth (1001) exceeds the maximum allowed");
  }

  @Test
  void numbersAndNamesBeyondJacksonsLimitsAreErrors() {
    assertThat(Json.parse("[" + "9".repeat(1000) + "]").path(0).asText()).hasSize(1000);
    assertThatThrownBy(() -> Json.parse("[" + "9".repeat(1001) + "]")).isInstanceOf(JsonException.class)
        .hasMessageStartingWith("Number value length (1001) exceeds the maximum allowed (1000")
        .hasMessageContaining(" at line 1, column ");
    assertThatThrownBy(() -> Json.parse("{\"" + "n".repeat(50_001) + "\":1}")).isInstanceOf(JsonException.class)
        .hasMessageStartingWith("Name length (50001) exceeds the maximum allowed (50000");
  }

  @Test
  void navigationAnswersAsDatabindsTreeDid() throws Exception {
    String document = "{\"s\":\"x\",\"sn\":\" 42 \",\"sd\":\"4.7\",\"st\":\"true\",\"sT\":\"TRUE\",\"i\":5,\"d\":5.9,"
        + "\"nd\":-5.9,\"big\":123456789012345678901,\"t\":true,\"f\":false,\"z\":null,\"o\":{\"a\":1},"
        + "\"arr\":[1],\"i0\":0,\"e\":\"\"}";
    Json ours = Json.parse(document);
    JsonNode theirs = DATABIND.readTree(document);
    for (String name : List.of("s", "sn", "sd", "st", "sT", "i", "d", "nd", "big", "t", "f", "z", "o", "arr", "absent",
        "i0", "e")) {
      Json mine = ours.path(name);
      JsonNode jackson = theirs.path(name);
      assertThat(mine.asText()).as(name).isEqualTo(jackson.asText());
      assertThat(mine.asText("D")).as(name).isEqualTo(jackson.asText("D"));
      assertThat(mine.asLong(7)).as(name).isEqualTo(jackson.asLong(7));
      assertThat(mine.asLong()).as(name).isEqualTo(jackson.asLong());
      assertThat(mine.asBoolean(true)).as(name).isEqualTo(jackson.asBoolean(true));
      assertThat(mine.asBoolean()).as(name).isEqualTo(jackson.asBoolean());
      assertThat(mine.isTextual()).as(name).isEqualTo(jackson.isTextual());
      assertThat(mine.isNull()).as(name).isEqualTo(jackson.isNull());
      assertThat(mine.isMissing()).as(name).isEqualTo(jackson.isMissingNode());
      assertThat(mine.size()).as(name).isEqualTo(jackson.size());
      assertThat(ours.has(name)).isEqualTo(theirs.has(name));
      assertThat(ours.hasNonNull(name)).isEqualTo(theirs.hasNonNull(name));
    }
    assertThat(ours.path("o")).map(Json::asText).containsExactly("1");
    assertThat(ours.path("arr").path(0).asLong()).isEqualTo(1);
    assertThat(ours.path("arr").path(1).isMissing()).isTrue();
    assertThat(ours.path("arr").get(1)).isNull();
    assertThat(ours.path("s").path("x").path(3).asText("none")).isEqualTo("none");
  }

  @Test
  void mappingCoercesScalarsAsJacksonDidAndNamesTheMemberOtherwise() {
    JsonObject json = (JsonObject) Json.parse("{\n \"n\": 5, \"b\": true, \"s\": \"x\", \"bs\": \"false\",\n"
        + " \"list\": [\"a\", 1, false], \"map\": {\"k\": 2, \"z\": null}, \"o\": {}, \"nulls\": [null]}");
    assertThat(json.getString("n")).isEqualTo("5");
    assertThat(json.getString("b")).isEqualTo("true");
    assertThat(json.getString("absent")).isNull();
    assertThat(json.getBoolean("b")).isTrue();
    assertThat(json.getBoolean("bs")).isFalse();
    assertThat(json.getStrings("list")).containsExactly("a", "1", "false");
    assertThat(json.getStringMap("map")).containsExactly(entry("k", "2"), entry("z", null));
    assertThat(json.getObject("o")).isEqualTo(Json.object());
    assertThat(json.getArray("absent")).isNull();
    assertThatThrownBy(() -> json.getString("o")).isInstanceOf(JsonException.class)
        .hasMessage("Cannot deserialize value of type `String` from Object value (member \"o\") at line 1, column 1");
    assertThatThrownBy(() -> json.getLong("s"))
        .hasMessage("Cannot deserialize value of type `long` from String value (member \"s\") at line 1, column 1");
    assertThatThrownBy(() -> json.getBoolean("n")).hasMessageStartingWith("Cannot deserialize value of type `boolean`");
    assertThatThrownBy(() -> json.getObject("list")).hasMessageStartingWith("Cannot deserialize value of type `Object` from Array");
    assertThatThrownBy(() -> json.getStrings("nulls")).hasMessageStartingWith("Cannot deserialize value of type `List<String>`");
    assertThatThrownBy(() -> Json.parse("[1]").asObject("Thing")).isInstanceOf(JsonException.class)
        .hasMessage("Cannot deserialize value of type `Thing` from Array value at line 1, column 1");
    assertThatThrownBy(() -> ((JsonArray) Json.parse("[{}, 2]")).objects("Thing"))
        .hasMessage("Cannot deserialize value of type `Thing` from Number value (element 1) at line 1, column 1");
    assertThatThrownBy(() -> Json.parse("\"x\"").asArray("List<Thing>"))
        .hasMessage("Cannot deserialize value of type `List<Thing>` from String value");
  }

  @Test
  void builtValuesWriteInTheOrderPut() {
    JsonObject json = Json.object().put("s", "x").put("n", -3).put("b", false).put("none", (String) null);
    json.putArray("a").add("y").add(2).addObject().put("in", true);
    json.putObject("o").set("null", Json.nullValue());
    assertThat(json.toString()).isEqualTo("{\"s\":\"x\",\"n\":-3,\"b\":false,\"none\":null,\"a\":[\"y\",2,{\"in\":true}],"
        + "\"o\":{\"null\":null}}");
    assertThat(json.set("n", Json.of(4)).toString()).startsWith("{\"s\":\"x\",\"n\":4,");
    assertThatThrownBy(() -> json.set("m", JsonLiteral.MISSING)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JsonText.compact(JsonLiteral.MISSING)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void valuesAreEqualByContentObjectsInAnyOrder() {
    assertThat(Json.parse("{\"a\":[1,\"x\",null],\"b\":true}")).isEqualTo(Json.parse("{\"b\":true,\"a\":[1,\"x\",null]}"))
        .hasSameHashCodeAs(Json.parse("{\"b\":true,\"a\":[1,\"x\",null]}"));
    assertThat(Json.parse("[1]")).isNotEqualTo(Json.parse("[1.0]")).isNotEqualTo(Json.parse("[\"1\"]"));
    assertThat(Json.of("x")).isEqualTo(Json.parse("\"x\"")).hasSameHashCodeAs(Json.parse("\"x\""));
  }
}
