package dev.mimg.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/** A JSON array: elements in order. Built with {@code add}; read into domain types with {@link #objects}. */
public final class JsonArray implements Json {

  private final List<Json> elements = new ArrayList<>();
  private final int line;
  private final int column;

  /** An empty array. */
  public JsonArray() {
    this(0, 0);
  }

  /** An empty array read at {@code line} and {@code column} of a document (0 when built). */
  JsonArray(int line, int column) {
    this.line = line;
    this.column = column;
  }

  /** Appends {@code value} (null gives JSON null); returns this array. */
  public JsonArray add(Json value) {
    elements.add(checked(value));
    return this;
  }

  /** Appends a string (null gives JSON null); returns this array. */
  public JsonArray add(String value) {
    return add(Json.of(value));
  }

  /** Appends a number; returns this array. */
  public JsonArray add(long value) {
    return add(Json.of(value));
  }

  /** Appends a new, empty object and returns that object. */
  public JsonObject addObject() {
    JsonObject object = new JsonObject();
    add(object);
    return object;
  }

  @Override
  public Json get(int index) {
    return index >= 0 && index < elements.size() ? elements.get(index) : null;
  }

  /** The elements in order (a read-only view). */
  public List<Json> elements() {
    return Collections.unmodifiableList(elements);
  }

  /** The line this array started on in the document it was read from; 0 when built. */
  public int line() {
    return line;
  }

  /** The column this array started at in the document it was read from; 0 when built. */
  public int column() {
    return column;
  }

  /** The elements as objects, each to be read as {@code type}; any other element is a {@link JsonException}. */
  public List<JsonObject> objects(String type) {
    List<JsonObject> objects = new ArrayList<>(elements.size());
    for (int i = 0; i < elements.size(); i++) {
      if (!(elements.get(i) instanceof JsonObject object)) {
        throw JsonException.mismatch(type, elements.get(i), "element " + i, line, column);
      }
      objects.add(object);
    }
    return objects;
  }

  @Override
  public Json path(int index) {
    Json element = get(index);
    return element == null ? JsonLiteral.MISSING : element;
  }

  @Override
  public String asText() {
    return "";
  }

  @Override
  public int size() {
    return elements.size();
  }

  @Override
  public Iterator<Json> iterator() {
    return elements().iterator();
  }

  @Override
  public JsonObject asObject(String type) {
    throw JsonException.mismatch(type, this, null, line, column);
  }

  @Override
  public JsonArray asArray(String type) {
    return this;
  }

  @Override
  public String kind() {
    return "Array";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof JsonArray array && elements.equals(array.elements);
  }

  @Override
  public int hashCode() {
    return elements.hashCode();
  }

  /** The compact JSON. */
  @Override
  public String toString() {
    return JsonText.compact(this);
  }

  /** A value to store in an object or array: null becomes JSON null, MISSING (no value) is refused. */
  static Json checked(Json value) {
    if (value == JsonLiteral.MISSING) {
      throw new IllegalArgumentException("MISSING is no JSON value: it cannot be stored");
    }
    return value == null ? JsonLiteral.NULL : value;
  }
}
