package dev.mimg.registry;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Proxies as curl and Go programs read them: {@code HTTPS_PROXY} for https, {@code HTTP_PROXY} for http (upper case
 * first, then lower case), none for loopback hosts or hosts {@link NoProxy} lists.
 */
final class EnvironmentProxySelector extends ProxySelector {

  private final Optional<Proxy> httpProxy;
  private final Optional<Proxy> httpsProxy;
  private final NoProxy noProxy;

  EnvironmentProxySelector(Map<String, String> env) {
    this.httpProxy = proxy(env, "HTTP_PROXY");
    this.httpsProxy = proxy(env, "HTTPS_PROXY");
    this.noProxy = new NoProxy(variable(env, "NO_PROXY").orElse(""));
  }

  @Override
  public List<Proxy> select(URI uri) {
    String host = uri.getHost() == null ? "" : InsecureRegistries.hostOf(uri.getHost().toLowerCase(Locale.ROOT));
    boolean https = "https".equalsIgnoreCase(uri.getScheme());
    Optional<Proxy> proxy = https ? httpsProxy : httpProxy;
    int port = uri.getPort() >= 0 ? uri.getPort() : https ? 443 : 80;
    if (proxy.isEmpty() || InsecureRegistries.isLoopback(host) || noProxy.excludes(host, port)) {
      return List.of(Proxy.NO_PROXY);
    }
    return List.of(proxy.get());
  }

  @Override
  public void connectFailed(URI uri, SocketAddress address, IOException failure) {
    // HttpClient reports the failure to the caller; there is no other proxy to fall back to
  }

  private static Optional<Proxy> proxy(Map<String, String> env, String name) {
    return variable(env, name).map(value -> parse(name, value));
  }

  private static Optional<String> variable(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      value = env.get(name.toLowerCase(Locale.ROOT));
    }
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  /** {@code http://[user:pass@]host[:port]}, {@code https://...} or {@code host:port}; the user part is dropped. */
  private static Proxy parse(String name, String value) {
    URI uri;
    try {
      uri = URI.create(value.contains("://") ? value : "http://" + value);
    } catch (IllegalArgumentException e) {
      throw new RegistryException(name + " is not a proxy URL (expected http://host:port)");
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      throw new RegistryException(name + " must be an http:// proxy URL (host:port), not " + scheme + "://...");
    }
    int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(uri.getHost(), port));
  }
}
