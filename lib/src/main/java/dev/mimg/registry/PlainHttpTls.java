package dev.mimg.registry;

import java.security.Provider;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The TLS context of the plain-HTTP client: it can make no TLS connection at all (every engine or socket it is
 * asked for is refused), and building it loads nothing of the JDK's TLS implementation, which a client that
 * speaks only plain HTTP would otherwise initialize for ~80 ms.
 */
final class PlainHttpTls {

  private PlainHttpTls() {
  }

  /** A context that refuses every TLS use. */
  static SSLContext context() {
    return new SSLContext(new Refusing(), new Provider("mimg-no-tls", "1", "no TLS: plain HTTP only") { },
        "none") { };
  }

  /** The context's implementation: empty parameters, and a refusal for anything that would speak TLS. */
  private static final class Refusing extends SSLContextSpi {

    @Override
    protected void engineInit(KeyManager[] keys, TrustManager[] trust, SecureRandom random) {
      // nothing to set up: no TLS is ever spoken
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
      throw refused();
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
      throw refused();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
      throw refused();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
      throw refused();
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
      throw refused();
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
      throw refused();
    }

    @Override
    protected SSLParameters engineGetDefaultSSLParameters() {
      return new SSLParameters();
    }

    @Override
    protected SSLParameters engineGetSupportedSSLParameters() {
      return new SSLParameters();
    }

    private static UnsupportedOperationException refused() {
      return new UnsupportedOperationException("the plain-HTTP registry client speaks no TLS");
    }
  }
}
