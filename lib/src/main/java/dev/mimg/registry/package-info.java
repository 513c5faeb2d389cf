/** Internal: the distribution API client (auth, retries, timeouts, proxies, verified digests). */
package dev.mimg.registry;
