package dev.mimg.store.docker;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient.Request;
import com.github.dockerjava.transport.DockerHttpClient.Response;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import dev.mimg.store.StoreException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The narrow HTTP port to one Docker engine: docker-java's transport for the socket or TLS, Jackson for the
 * bodies, and the API version negotiated once (the lower of the engine's and {@link #MAX_API}).
 */
public final class EngineClient implements Closeable {

  /** The newest API version mimg speaks. */
  public static final ApiVersion MAX_API = ApiVersion.parse("1.51");
  /** The oldest API version that reports per-platform variants ({@code manifests=1}). */
  public static final ApiVersion MANIFESTS_API = ApiVersion.parse("1.47");

  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final EngineEndpoint endpoint;
  private final DockerHttpClient http;
  private ApiVersion api;

  /** A client for the endpoint; nothing is sent until the first request. */
  public EngineClient(EngineEndpoint endpoint) {
    this.endpoint = endpoint;
    ZerodepDockerHttpClient.Builder builder = new ZerodepDockerHttpClient.Builder()
        .dockerHost(endpoint.host())
        .connectionTimeout(Duration.ofSeconds(5))
        .responseTimeout(Duration.ofMinutes(10));
    if (endpoint.usesTls()) {
      builder.sslConfig(() -> EngineTls.context(endpoint.tlsDir(), endpoint.tlsVerify()));
    }
    this.http = builder.build();
  }

  /** The endpoint this client talks to. */
  public EngineEndpoint endpoint() {
    return endpoint;
  }

  /** The negotiated API version (asks the engine once). */
  public ApiVersion api() {
    if (api == null) {
      JsonNode version = send(Request.Method.GET, "/version", JsonNode.class);
      ApiVersion engine = ApiVersion.parse(version.path("ApiVersion").asText("1.24"));
      api = engine.compareTo(MAX_API) < 0 ? engine : MAX_API;
    }
    return api;
  }

  /** GET on a versioned API path (e.g. {@code /images/json}), decoded as {@code type}. */
  public <T> T get(String path, Class<T> type) {
    return send(Request.Method.GET, "/v" + api() + path, type);
  }

  /** GET on a versioned API path, decoded as a generic type. */
  public <T> T get(String path, JavaType type) {
    return decode(Request.Method.GET, "/v" + api() + path, type);
  }

  /** The shared JSON mapper for engine bodies. */
  public static ObjectMapper json() {
    return JSON;
  }

  /** URL-encodes a query value. */
  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private <T> T send(Request.Method method, String path, Class<T> type) {
    return decode(method, path, JSON.getTypeFactory().constructType(type));
  }

  private <T> T decode(Request.Method method, String path, JavaType type) {
    Request request = Request.builder().method(method).path(path).build();
    try (Response response = execute(request); InputStream body = response.getBody()) {
      int status = response.getStatusCode();
      if (status >= 400) {
        throw new EngineException(status, errorMessage(body, status));
      }
      return JSON.readValue(body, type);
    } catch (IOException e) {
      throw new StoreException("bad answer from the Docker engine at " + endpoint.host() + " for " + path
          + ": " + e.getMessage(), e);
    }
  }

  private Response execute(Request request) {
    try {
      return http.execute(request);
    } catch (RuntimeException e) {
      throw unreachable(e);
    }
  }

  private StoreException unreachable(RuntimeException e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    String why = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    String hint = endpoint.named()
        ? "check that it runs, or point elsewhere with -H, DOCKER_HOST or DOCKER_CONTEXT"
        : "start Docker, or point to an engine with -H, DOCKER_HOST or DOCKER_CONTEXT";
    return new StoreException("cannot reach the Docker engine at " + endpoint.host() + " (from " + endpoint.source()
        + "): " + why + "; " + hint, e);
  }

  private static String errorMessage(InputStream body, int status) throws IOException {
    byte[] bytes = body.readAllBytes();
    try {
      String message = JSON.readTree(bytes).path("message").asText("");
      if (!message.isEmpty()) {
        return message;
      }
    } catch (IOException notJson) {
      // fall through to the raw text
    }
    String text = new String(bytes, StandardCharsets.UTF_8).strip();
    return text.isEmpty() ? "HTTP " + status : text;
  }

  @Override
  public void close() {
    try {
      http.close();
    } catch (IOException e) {
      // nothing useful to do when closing a socket fails
    }
  }
}
