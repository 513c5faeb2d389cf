/** Internal: the Docker engine as a store, over its HTTP API (unix sockets, tcp, TLS). */
package dev.mimg.store.docker;
