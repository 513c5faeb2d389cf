/** Internal: OCI image layouts as a store: reading, pulling into and collecting a layout directory. */
package dev.mimg.store.oci;
