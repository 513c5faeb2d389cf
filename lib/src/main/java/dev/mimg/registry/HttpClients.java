package dev.mimg.registry;

import dev.mimg.model.Timeouts;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The HTTP clients of one registry client, built on first use: one with the JDK's default TLS context for
 * {@code https}, one for plain {@code http} (loopback or insecure registries) whose TLS context never loads the
 * trust store, since building the default context costs a few hundred milliseconds that plain HTTP never needs.
 */
final class HttpClients {

  private final Timeouts timeouts;
  private final ProxySelector proxy;
  private HttpClient tls;
  private HttpClient plain;

  HttpClients(Timeouts timeouts, ProxySelector proxy) {
    this.timeouts = timeouts;
    this.proxy = proxy;
  }

  /** The timeouts the clients and their requests use. */
  Timeouts timeouts() {
    return timeouts;
  }

  /** The client for {@code uri}'s scheme. */
  synchronized HttpClient forUri(URI uri) {
    if ("https".equalsIgnoreCase(uri.getScheme())) {
      if (tls == null) {
        tls = builder().build();
      }
      return tls;
    }
    if (plain == null) {
      plain = builder().sslContext(refusingTls()).build();
    }
    return plain;
  }

  private HttpClient.Builder builder() {
    HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER).proxy(proxy);
    return timeouts.limitsConnect() ? builder.connectTimeout(timeouts.connect()) : builder;
  }

  /** A TLS context that trusts no certificate: the plain-HTTP client must never complete a TLS handshake. */
  private static SSLContext refusingTls() {
    X509TrustManager none = new X509TrustManager() {
      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the plain-HTTP registry client trusts no certificate");
      }

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the plain-HTTP registry client trusts no certificate");
      }

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    };
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(new KeyManager[0], new TrustManager[] {none}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no TLS implementation in this JDK", e);
    }
  }
}
