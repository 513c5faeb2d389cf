package dev.mimg.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON object: members in the order read or put (a name read twice keeps its first place and its last value, as
 * Jackson's and Go's readers do). Built with {@code put} and {@code set}; read into domain types with the
 * {@code get...} methods, which coerce scalars as Jackson's defaults do (a number or boolean read as a string, an
 * integral string as a number) and throw a {@link JsonException} naming the member otherwise. Equal to another
 * object with the same members, in any order.
 */
public final class JsonObject implements Json {

  private final Map<String, Json> members = new LinkedHashMap<>();
  private final int line;
  private final int column;

  /** An empty object. */
  public JsonObject() {
    this(0, 0);
  }

  /** An empty object read at {@code line} and {@code column} of a document (0 when built). */
  JsonObject(int line, int column) {
    this.line = line;
    this.column = column;
  }

  /** Sets the member {@code name} to {@code value} (null gives JSON null); returns this object. */
  public JsonObject set(String name, Json value) {
    members.put(name, JsonArray.checked(value));
    return this;
  }

  /** Sets the member {@code name} to a string (null gives JSON null); returns this object. */
  public JsonObject put(String name, String value) {
    return set(name, Json.of(value));
  }

  /** Sets the member {@code name} to a number; returns this object. */
  public JsonObject put(String name, long value) {
    return set(name, Json.of(value));
  }

  /** Sets the member {@code name} to true or false; returns this object. */
  public JsonObject put(String name, boolean value) {
    return set(name, Json.of(value));
  }

  /** Sets the member {@code name} to a new, empty array and returns that array. */
  public JsonArray putArray(String name) {
    JsonArray array = new JsonArray();
    set(name, array);
    return array;
  }

  /** Sets the member {@code name} to a new, empty object and returns that object. */
  public JsonObject putObject(String name) {
    JsonObject object = new JsonObject();
    set(name, object);
    return object;
  }

  @Override
  public Json get(String name) {
    return members.get(name);
  }

  /** The members in order (a read-only view). */
  public Map<String, Json> members() {
    return Collections.unmodifiableMap(members);
  }

  /** The line this object started on in the document it was read from; 0 when built. */
  public int line() {
    return line;
  }

  /** The column this object started at in the document it was read from; 0 when built. */
  public int column() {
    return column;
  }

  /** The member as a string (a number or boolean as its text); null when absent or null. */
  public String getString(String name) {
    Json value = path(name);
    String text = textOf(value);
    if (text == null && !value.isNull() && !value.isMissing()) {
      throw mismatch("String", name, value);
    }
    return text;
  }

  /** The member as a long (an integral string read, a fraction cut off); 0 when absent or null. */
  public long getLong(String name) {
    Json value = path(name);
    Long number = longOf(value);
    if (number == null) {
      throw mismatch("long", name, value);
    }
    return number;
  }

  /** The member as an int, like {@link #getLong}; a value out of the int range is an error. */
  public int getInt(String name) {
    long number = getLong(name);
    if (number != (int) number) {
      throw mismatch("int", name, path(name));
    }
    return (int) number;
  }

  /** The member as a boolean (also a string "true" or "false"); false when absent or null. */
  public boolean getBoolean(String name) {
    Json value = path(name);
    if (value == JsonLiteral.TRUE || value == JsonLiteral.FALSE) {
      return value == JsonLiteral.TRUE;
    }
    if (value.isNull() || value.isMissing()) {
      return false;
    }
    if (value instanceof JsonString string && (string.value().equals("true") || string.value().equals("false"))) {
      return string.value().equals("true");
    }
    throw mismatch("boolean", name, value);
  }

  /** The member as an object; null when absent or null. */
  public JsonObject getObject(String name) {
    Json value = path(name);
    if (value.isNull() || value.isMissing()) {
      return null;
    }
    if (value instanceof JsonObject object) {
      return object;
    }
    throw mismatch("Object", name, value);
  }

  /** The member as an array; null when absent or null. */
  public JsonArray getArray(String name) {
    Json value = path(name);
    if (value.isNull() || value.isMissing()) {
      return null;
    }
    if (value instanceof JsonArray array) {
      return array;
    }
    throw mismatch("Array", name, value);
  }

  /** The member as a list of strings (null elements are an error); null when absent or null. */
  public List<String> getStrings(String name) {
    JsonArray array = getArray(name);
    if (array == null) {
      return null;
    }
    List<String> strings = new ArrayList<>(array.size());
    for (Json element : array) {
      String text = textOf(element);
      if (text == null) {
        throw mismatch("List<String>", name, array);
      }
      strings.add(text);
    }
    return strings;
  }

  /** The member as a map of strings, in order (null values stay null); null when absent or null. */
  public Map<String, String> getStringMap(String name) {
    JsonObject object = getObject(name);
    if (object == null) {
      return null;
    }
    Map<String, String> strings = new LinkedHashMap<>();
    for (Map.Entry<String, Json> member : object.members.entrySet()) {
      String text = textOf(member.getValue());
      if (text == null && !member.getValue().isNull()) {
        throw object.mismatch("String", member.getKey(), member.getValue());
      }
      strings.put(member.getKey(), text);
    }
    return strings;
  }

  @Override
  public Json path(String name) {
    Json member = members.get(name);
    return member == null ? JsonLiteral.MISSING : member;
  }

  @Override
  public boolean has(String name) {
    return members.containsKey(name);
  }

  @Override
  public String asText() {
    return "";
  }

  @Override
  public int size() {
    return members.size();
  }

  @Override
  public Iterator<Json> iterator() {
    return Collections.unmodifiableCollection(members.values()).iterator();
  }

  @Override
  public JsonObject asObject(String type) {
    return this;
  }

  @Override
  public JsonArray asArray(String type) {
    throw JsonException.mismatch(type, this, null, line, column);
  }

  @Override
  public String kind() {
    return "Object";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof JsonObject object && members.equals(object.members);
  }

  @Override
  public int hashCode() {
    return members.hashCode();
  }

  /** The compact JSON. */
  @Override
  public String toString() {
    return JsonText.compact(this);
  }

  private JsonException mismatch(String type, String name, Json value) {
    return JsonException.mismatch(type, value, "member \"" + name + "\"", line, column);
  }

  /** A scalar as Jackson reads it into a string: a string's value, a number's text, true or false; else null. */
  static String textOf(Json value) {
    if (value instanceof JsonString string) {
      return string.value();
    }
    if (value instanceof JsonNumber || value == JsonLiteral.TRUE || value == JsonLiteral.FALSE) {
      return value.asText();
    }
    return null;
  }

  /** A value as Jackson reads it into a long: 0 for null or MISSING, a number or integral string; else null. */
  private static Long longOf(Json value) {
    if (value.isNull() || value.isMissing()) {
      return 0L;
    }
    if (value instanceof JsonNumber number) {
      return number.exactLong();
    }
    if (value instanceof JsonString string) {
      try {
        return Long.parseLong(string.value().strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }
}
