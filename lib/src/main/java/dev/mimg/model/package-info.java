/**
 * Public API: the values every query answers with and every store speaks in: images and their variants,
 * platforms, references and names, digests, sizes, OCI documents. No I/O; nothing here depends on another package.
 */
package dev.mimg.model;
