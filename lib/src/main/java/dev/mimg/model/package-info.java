/**
 * Public API: the values every query answers with and every store speaks in: images and their variants,
 * platforms, references and names, digests, sizes, OCI documents, and {@link dev.mimg.model.Json}, the JSON values
 * every package reads and writes (on jackson-core's streaming parser and generator, mapped by hand). No I/O;
 * nothing here depends on another package.
 */
package dev.mimg.model;
