/** A registry (the distribution API) as an {@link dev.mimg.store.ImageStore}: its repositories, tags and images. */
package dev.mimg.store.registry;
