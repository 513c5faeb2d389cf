package dev.mimg.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bed's token server (test code): checks one user's basic credentials and issues RS256 JWTs signed with the
 * bed's key; the {@code x5c} header carries the bed's certificate, which the token registry trusts as its root.
 */
final class TokenServer implements AutoCloseable {

  static final String USER = "tokenuser";
  static final String PASSWORD = "token-pass-" + UUID.randomUUID();

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final PrivateKey key;
  private final String certificate;
  private final AtomicInteger issued = new AtomicInteger();

  private TokenServer(HttpServer server, PrivateKey key, String certificate) {
    this.server = server;
    this.key = key;
    this.certificate = certificate;
  }

  /** Starts on the port and path of MIMG_BED_TOKEN_REALM. */
  static TokenServer start() throws Exception {
    URI realm = URI.create(BedEnv.required("MIMG_BED_TOKEN_REALM"));
    PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
        pemBody(Path.of(BedEnv.required("MIMG_BED_TOKEN_KEY")), "PRIVATE KEY")));
    X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
        new ByteArrayInputStream(Files.readAllBytes(Path.of(BedEnv.required("MIMG_BED_TOKEN_CERT")))));
    HttpServer server = HttpServer.create(new InetSocketAddress(realm.getHost(), realm.getPort()), 0);
    TokenServer tokens = new TokenServer(server, key, Base64.getEncoder().encodeToString(cert.getEncoded()));
    server.createContext(realm.getPath(), tokens::handle);
    server.start();
    return tokens;
  }

  /** How many tokens were issued. */
  int issued() {
    return issued.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String expected = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
      if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        exchange.sendResponseHeaders(401, -1);
        return;
      }
      Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
      byte[] body = JSON.writeValueAsBytes(Map.of("token", jwt(query.get("service"), query.get("scope")),
          "expires_in", 300));
      issued.incrementAndGet();
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    } catch (Exception e) {
      throw new IOException(e);
    }
  }

  private String jwt(String service, String scope) throws Exception {
    String[] parts = scope.split(":");
    List<Map<String, Object>> access = List.of(Map.of("type", parts[0],
        "name", String.join(":", Arrays.copyOfRange(parts, 1, parts.length - 1)),
        "actions", List.of(parts[parts.length - 1].split(","))));
    long now = Instant.now().getEpochSecond();
    Map<String, Object> claims = new HashMap<>(Map.of("iss", BedEnv.required("MIMG_BED_TOKEN_ISSUER"), "sub", USER,
        "aud", service, "iat", now, "nbf", now - 5, "exp", now + 300, "jti", UUID.randomUUID().toString()));
    claims.put("access", access);
    Map<String, Object> header = Map.of("typ", "JWT", "alg", "RS256", "x5c", List.of(certificate));
    String signed = base64Url(JSON.writeValueAsBytes(header)) + "." + base64Url(JSON.writeValueAsBytes(claims));
    Signature signature = Signature.getInstance("SHA256withRSA");
    signature.initSign(key);
    signature.update(signed.getBytes(StandardCharsets.US_ASCII));
    return signed + "." + base64Url(signature.sign());
  }

  private static String base64Url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> values = new HashMap<>();
    for (String pair : raw == null ? new String[0] : raw.split("&")) {
      int eq = pair.indexOf('=');
      values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return values;
  }

  private static byte[] pemBody(Path file, String label) throws IOException {
    String pem = Files.readString(file);
    int start = pem.indexOf("-----BEGIN " + label + "-----") + ("-----BEGIN " + label + "-----").length();
    int end = pem.indexOf("-----END " + label + "-----");
    return Base64.getMimeDecoder().decode(pem.substring(start, end));
  }
}
