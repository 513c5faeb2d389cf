package dev.mimg.model;

import java.util.Collections;
import java.util.Iterator;

/**
 * A JSON value as mimg reads and writes it: an object (members in the order read or put), an array, a string, a
 * number (kept as its text, so nothing is lost), true, false or null. {@link JsonLiteral#MISSING} is no value: what
 * {@link #path} gives for an absent member, and {@link #parse} for an input without any.
 *
 * <p>Navigation never throws: {@code json.path("a").path(0).asText("")}. Reading a document into a domain type
 * goes through the mapping methods of {@link JsonObject} and {@link JsonArray}, whose errors are
 * {@link JsonException}s; {@link JsonText} writes values. {@link #toString()} is the compact JSON.
 */
public sealed interface Json extends Iterable<Json> permits JsonObject, JsonArray, JsonString, JsonNumber, JsonLiteral {

  /** Parses one JSON document from its bytes (UTF-8, or UTF-16 or 32 detected); only whitespace gives MISSING. */
  static Json parse(byte[] bytes) {
    return JsonReader.parse(bytes);
  }

  /** Parses one JSON document; only whitespace gives MISSING. */
  static Json parse(String text) {
    return JsonReader.parse(text);
  }

  /** A new, empty object to put members into. */
  static JsonObject object() {
    return new JsonObject();
  }

  /** A new, empty array to add elements to. */
  static JsonArray array() {
    return new JsonArray();
  }

  /** The string {@code value}; null gives JSON null. */
  static Json of(String value) {
    return value == null ? JsonLiteral.NULL : new JsonString(value);
  }

  /** The number {@code value}. */
  static Json of(long value) {
    return new JsonNumber(Long.toString(value));
  }

  /** True or false. */
  static Json of(boolean value) {
    return value ? JsonLiteral.TRUE : JsonLiteral.FALSE;
  }

  /** JSON null. */
  static Json nullValue() {
    return JsonLiteral.NULL;
  }

  /** The member {@code name} of an object; MISSING for anything else or an absent member. */
  default Json path(String name) {
    return JsonLiteral.MISSING;
  }

  /** The element at {@code index} of an array; MISSING for anything else or an index out of range. */
  default Json path(int index) {
    return JsonLiteral.MISSING;
  }

  /** The member {@code name} of an object; null for anything else or an absent member. */
  default Json get(String name) {
    return null;
  }

  /** The element at {@code index} of an array; null for anything else or an index out of range. */
  default Json get(int index) {
    return null;
  }

  /** True for an object with a member {@code name} (null or not). */
  default boolean has(String name) {
    return false;
  }

  /** True for an object with a member {@code name} that is not null. */
  default boolean hasNonNull(String name) {
    Json member = path(name);
    return !member.isMissing() && !member.isNull();
  }

  /** True for MISSING: no value at all. */
  default boolean isMissing() {
    return this == JsonLiteral.MISSING;
  }

  /** True for JSON null. */
  default boolean isNull() {
    return this == JsonLiteral.NULL;
  }

  /** True for an object. */
  default boolean isObject() {
    return this instanceof JsonObject;
  }

  /** True for an array. */
  default boolean isArray() {
    return this instanceof JsonArray;
  }

  /** True for a string. */
  default boolean isTextual() {
    return this instanceof JsonString;
  }

  /** True for a number. */
  default boolean isNumber() {
    return this instanceof JsonNumber;
  }

  /**
   * The value as text: a string's value, a number's text, {@code true}, {@code false} or {@code null}; "" for an
   * object, an array or MISSING.
   */
  String asText();

  /** {@link #asText()}, or {@code fallback} for null and MISSING. */
  default String asText(String fallback) {
    return isNull() || isMissing() ? fallback : asText();
  }

  /** {@link #asLong(long)} with 0 as the fallback. */
  default long asLong() {
    return asLong(0);
  }

  /**
   * The value as a long: a number's (a fraction cut off), a string's that reads as a number, 1 or 0 for true or
   * false; else {@code fallback}.
   */
  default long asLong(long fallback) {
    return fallback;
  }

  /** {@link #asBoolean(boolean)} with false as the fallback. */
  default boolean asBoolean() {
    return asBoolean(false);
  }

  /** The value as a boolean: true or false, a string "true" or "false", an integer not 0; else {@code fallback}. */
  default boolean asBoolean(boolean fallback) {
    return fallback;
  }

  /** The number of members or elements; 0 for anything else. */
  default int size() {
    return 0;
  }

  /** An array's elements, an object's member values; nothing for anything else. */
  @Override
  default Iterator<Json> iterator() {
    return Collections.emptyIterator();
  }

  /** This value as an object, else a {@link JsonException} that it cannot be read as {@code type}. */
  default JsonObject asObject(String type) {
    throw JsonException.mismatch(type, this, null, 0, 0);
  }

  /** This value as an array, else a {@link JsonException} that it cannot be read as {@code type}. */
  default JsonArray asArray(String type) {
    throw JsonException.mismatch(type, this, null, 0, 0);
  }

  /** What kind of value this is, as errors name it: Object, Array, String, Number, Boolean, Null, or Missing. */
  String kind();
}
