package dev.mimg.store.docker;

import dev.mimg.store.StoreException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Builds the TLS context for a tcp engine from the docker CLI's PEM files: ca.pem, cert.pem, key.pem (the client
 * pair only when either is there). A missing, unreadable or malformed file is a one-line error naming it.
 */
final class EngineTls {

  private static final Pattern PEM = Pattern.compile(
      "-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
  private static final char[] NO_PASSWORD = new char[0];

  private EngineTls() {
  }

  /** A TLS context presenting cert.pem/key.pem and trusting ca.pem (or anything, when verify is off). */
  static SSLContext context(Path dir, boolean verify) {
    try {
      KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      keyStore.load(null, null);
      Path cert = dir.resolve("cert.pem");
      Path key = dir.resolve("key.pem");
      if (Files.exists(cert) != Files.exists(key)) {
        throw new StoreException("the TLS client " + (Files.exists(cert) ? "certificate " + cert + " has no key: "
            + key : "key " + key + " has no certificate: " + cert) + " is missing");
      }
      if (Files.exists(cert)) {
        List<Certificate> chain = certificates(cert, "client certificate");
        keyStore.setKeyEntry("client", privateKey(key), NO_PASSWORD, chain.toArray(new Certificate[0]));
      }
      keys.init(keyStore, NO_PASSWORD);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), verify ? trust(dir.resolve("ca.pem")) : trustAll(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new StoreException("cannot load TLS certificates from " + dir + ": " + e.getMessage(), e);
    }
  }

  private static TrustManager[] trust(Path ca) throws IOException, GeneralSecurityException {
    if (!Files.exists(ca)) {
      throw new StoreException("TLS verification is on but " + ca + " is missing");
    }
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    int n = 0;
    for (Certificate certificate : certificates(ca, "CA certificate")) {
      store.setCertificateEntry("ca" + n++, certificate);
    }
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    return factory.getTrustManagers();
  }

  private static TrustManager[] trustAll() {
    return new TrustManager[] {new X509TrustManager() {
      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType) {
      }

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType) {
      }

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    }};
  }

  private static List<Certificate> certificates(Path pem, String role) {
    List<Certificate> result = new ArrayList<>();
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      for (Block block : blocks(pem, role)) {
        if (block.type().equals("CERTIFICATE")) {
          result.add(factory.generateCertificate(new ByteArrayInputStream(block.der())));
        }
      }
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new StoreException("the TLS " + role + " " + pem + " is not a valid certificate: " + oneLine(e), e);
    }
    if (result.isEmpty()) {
      throw new StoreException("no certificate in " + pem);
    }
    return result;
  }

  private static PrivateKey privateKey(Path pem) {
    try {
      for (Block block : blocks(pem, "client key")) {
        switch (block.type()) {
          case "PRIVATE KEY":
            return anyKey(block.der());
          case "RSA PRIVATE KEY":
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Pkcs8.wrapRsa(block.der())));
          case "EC PRIVATE KEY":
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Pkcs8.wrapEc(block.der())));
          default:
            break;
        }
      }
    } catch (GeneralSecurityException | IllegalArgumentException | IndexOutOfBoundsException e) {
      throw new StoreException("the TLS client key " + pem + " is not a usable private key: " + oneLine(e), e);
    }
    throw new StoreException("no private key in " + pem);
  }

  private static PrivateKey anyKey(byte[] pkcs8) throws GeneralSecurityException {
    for (String algorithm : new String[] {"RSA", "EC", "Ed25519"}) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
      } catch (GeneralSecurityException e) {
        // try the next algorithm
      }
    }
    throw new GeneralSecurityException("unsupported private key algorithm");
  }

  private static List<Block> blocks(Path pem, String role) {
    String text;
    try {
      text = Files.readString(pem, StandardCharsets.ISO_8859_1); // PEM is ASCII: other bytes are "no certificate"
    } catch (NoSuchFileException e) {
      throw new StoreException("the TLS " + role + " " + pem + " is missing", e);
    } catch (AccessDeniedException e) {
      throw new StoreException("cannot read the TLS " + role + " " + pem + ": permission denied", e);
    } catch (IOException e) {
      throw new StoreException("cannot read the TLS " + role + " " + pem + ": " + oneLine(e), e);
    }
    Matcher matcher = PEM.matcher(text);
    List<Block> blocks = new ArrayList<>();
    while (matcher.find()) {
      blocks.add(new Block(matcher.group(1), Base64.getMimeDecoder().decode(matcher.group(2))));
    }
    return blocks;
  }

  private static String oneLine(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.replaceAll("\\s+", " ").strip();
  }

  private record Block(String type, byte[] der) {
  }

  /** Wraps PKCS#1 (RSA) and SEC1 (EC) keys into PKCS#8, the one form the JDK's KeyFactory reads. */
  static final class Pkcs8 {
    private static final byte[] RSA_ALGORITHM = {
        0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
    private static final byte[] EC_PUBLIC_KEY_OID = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02,
        0x01};

    private Pkcs8() {
    }

    static byte[] wrapRsa(byte[] pkcs1) {
      return sequence(new byte[] {0x02, 0x01, 0x00}, RSA_ALGORITHM, tlv(0x04, pkcs1));
    }

    static byte[] wrapEc(byte[] sec1) {
      byte[] curve = ecCurveOid(sec1);
      return sequence(new byte[] {0x02, 0x01, 0x00}, sequence(EC_PUBLIC_KEY_OID, curve), tlv(0x04, sec1));
    }

    /** Finds the [0] parameters (the named curve OID) inside a SEC1 ECPrivateKey. */
    private static byte[] ecCurveOid(byte[] sec1) {
      int i = headerLength(sec1, 0);
      while (i < sec1.length) {
        int tag = sec1[i] & 0xff;
        int length = contentLength(sec1, i);
        int header = headerLength(sec1, i);
        if (tag == 0xa0) {
          byte[] oid = new byte[length];
          System.arraycopy(sec1, i + header, oid, 0, length);
          return oid;
        }
        i += header + length;
      }
      throw new StoreException("EC private key without a named curve");
    }

    private static int headerLength(byte[] der, int at) {
      int first = der[at + 1] & 0xff;
      return first < 0x80 ? 2 : 2 + (first & 0x7f);
    }

    private static int contentLength(byte[] der, int at) {
      int first = der[at + 1] & 0xff;
      if (first < 0x80) {
        return first;
      }
      int length = 0;
      for (int k = 0; k < (first & 0x7f); k++) {
        length = (length << 8) | (der[at + 2 + k] & 0xff);
      }
      return length;
    }

    private static byte[] sequence(byte[]... parts) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      for (byte[] part : parts) {
        body.writeBytes(part);
      }
      return tlv(0x30, body.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] value) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(tag);
      int length = value.length;
      if (length < 0x80) {
        out.write(length);
      } else if (length < 0x100) {
        out.write(0x81);
        out.write(length);
      } else if (length < 0x10000) {
        out.write(0x82);
        out.write(length >> 8);
        out.write(length);
      } else {
        out.write(0x83);
        out.write(length >> 16);
        out.write(length >> 8);
        out.write(length);
      }
      out.writeBytes(value);
      return out.toByteArray();
    }
  }
}
