/**
 * Internal: the port every store implements ({@link dev.mimg.store.ImageStore}) and the read-only view a dry run
 * sees. Scripts get stores from {@code Mimg.store(spec)} and never call these methods to change a store: the
 * DSL plans and re-checks every change.
 */
package dev.mimg.store;
