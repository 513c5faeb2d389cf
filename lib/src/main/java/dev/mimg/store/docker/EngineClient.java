package dev.mimg.store.docker;

import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient.Request;
import com.github.dockerjava.transport.DockerHttpClient.Response;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import dev.mimg.model.Json;
import dev.mimg.model.JsonErrors;
import dev.mimg.model.JsonException;
import dev.mimg.model.Timeouts;
import dev.mimg.store.StoreException;
import dev.mimg.store.StoreUnavailableException;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.InputStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * The narrow HTTP port to one Docker engine: docker-java's transport interface (its zerodep client for tcp and
 * TLS, a lean JDK-socket client for unix sockets), {@link Json} for the bodies, and the API version negotiated on the
 * first answer (the lower of the engine's and {@link #MAX_API}) without an extra round trip. Connecting and each
 * wait for the engine's next byte are bounded by {@link Timeouts}; failures are one line naming the engine.
 */
public final class EngineClient implements Closeable {

  /** The newest API version mimg speaks. */
  public static final ApiVersion MAX_API = ApiVersion.parse("1.51");
  /** The oldest API version that reports per-platform variants ({@code manifests=1}). */
  public static final ApiVersion MANIFESTS_API = ApiVersion.parse("1.47");

  private static final Pattern TOO_NEW = Pattern.compile("[Mm]aximum supported API version is (\\d+\\.\\d+)");

  private final EngineEndpoint endpoint;
  private final Timeouts timeouts;
  private final DockerHttpClient http;
  private final boolean pinned;
  private ApiVersion api;

  /** A client for the endpoint; nothing is sent until the first request. */
  public EngineClient(EngineEndpoint endpoint) {
    this(endpoint, null);
  }

  /**
   * A client that speaks {@code version} (as DOCKER_API_VERSION pins it for the docker CLI), or, when null, the
   * newest version both sides know: it starts at {@link #MAX_API} and steps down once if the engine is older.
   * The timeouts come from the environment ({@link Timeouts#fromEnvironment()}).
   */
  public EngineClient(EngineEndpoint endpoint, ApiVersion version) {
    this(endpoint, version, Timeouts.fromEnvironment());
  }

  /** Like {@link #EngineClient(EngineEndpoint, ApiVersion)}, with the connect and read timeouts given. */
  public EngineClient(EngineEndpoint endpoint, ApiVersion version, Timeouts timeouts) {
    this.endpoint = endpoint;
    this.timeouts = timeouts;
    this.pinned = version != null;
    this.api = version != null ? version : MAX_API;
    this.http = endpoint.host().getScheme().equals("unix")
        ? new UnixSocketHttpClient(Path.of(endpoint.host().getPath()), timeouts)
        : endpoint.usesSsh() ? new UnixSocketHttpClient(() -> SshConnection.open(endpoint.host(), timeouts,
            System.getenv())) : zerodep(endpoint, timeouts);
  }

  private static DockerHttpClient zerodep(EngineEndpoint endpoint, Timeouts timeouts) {
    ZerodepDockerHttpClient.Builder builder = new ZerodepDockerHttpClient.Builder()
        .dockerHost(endpoint.host())
        .connectionTimeout(timeouts.connect())
        .responseTimeout(timeouts.read());     // the socket timeout: a limit on silence, not on the whole answer
    if (endpoint.usesTls()) {
      // built here, not inside the transport, which would wrap a missing file's one-line error in its own
      SSLContext context = EngineTls.context(endpoint.tlsDir(), endpoint.tlsVerify());
      builder.sslConfig(() -> context);
    }
    return builder.build();
  }

  /** The endpoint this client talks to. */
  public EngineEndpoint endpoint() {
    return endpoint;
  }

  /** The API version in use: pinned, {@link #MAX_API}, or the engine's maximum once it said it is older. */
  public ApiVersion api() {
    return api;
  }

  /** GET on a versioned API path (e.g. {@code /images/json}), the engine's JSON answer. */
  public Json get(String path) {
    return get(path, Function.identity());
  }

  /**
   * GET on a versioned API path, the answer read by {@code decoder} (a {@link JsonException} it throws is a
   * one-line bad answer); steps down to an older engine's version once.
   */
  public <T> T get(String path, Function<Json, T> decoder) {
    return call(Request.Method.GET, path, decoder);
  }

  /** DELETE on a versioned API path; the engine's answer is returned as JSON. */
  public Json delete(String path) {
    return call(Request.Method.DELETE, path, Function.identity());
  }

  /**
   * POST on a versioned API path whose answer is a stream of JSON messages (pull progress): each message goes to
   * {@code each} as it arrives. {@code headers} go with the request (e.g. X-Registry-Auth).
   */
  public void stream(String path, Map<String, String> headers, Consumer<Json> each) {
    post(path, headers, null, each);
  }

  /**
   * POST of {@code upload} (streamed as it is read, e.g. an image tar for {@code /images/load}; none when null) on a
   * versioned API path whose answer is a stream of JSON messages, each handed to {@code each} as it arrives.
   */
  public void post(String path, Map<String, String> headers, InputStream upload, Consumer<Json> each) {
    Request.Builder builder = Request.builder().method(Request.Method.POST).path("/v" + api + path).headers(headers);
    Request request = (upload == null ? builder.bodyBytes(new byte[0]) : builder.body(upload)).build();
    try (Response response = execute(request); InputStream body = response.getBody()) {
      if (response.getStatusCode() >= 400) {
        throw new EngineException(response.getStatusCode(), errorMessage(body, response.getStatusCode()));
      }
      eachJsonLine(body, each);
    } catch (SocketTimeoutException e) {
      throw readTimedOut(request, e);
    } catch (JsonException e) {
      throw badAnswer(request, e);
    } catch (IOException e) {
      throw new StoreUnavailableException("the Docker engine at " + endpoint.host() + " broke off " + path + ": "
          + JsonErrors.oneLine(e), e);
    }
  }

  /**
   * GET on a versioned API path whose answer is an endless stream of JSON messages (events): {@code subscribed} runs
   * once the engine answered the request, then each message goes to {@code each} until the stream ends.
   */
  public void watch(String path, Runnable subscribed, Consumer<Json> each) {
    Request request = Request.builder().method(Request.Method.GET).path("/v" + api + path).build();
    try (Response response = execute(request); InputStream body = response.getBody()) {
      if (response.getStatusCode() >= 400) {
        throw new EngineException(response.getStatusCode(), errorMessage(body, response.getStatusCode()));
      }
      subscribed.run();
      eachJsonLine(body, each);
    } catch (IOException | JsonException e) {
      throw new StoreUnavailableException("the Docker engine at " + endpoint.host() + " broke off " + path + ": "
          + JsonErrors.oneLine(e), e);
    }
  }

  /** Each non-blank line of {@code body}, parsed as JSON, to {@code each} as it arrives. */
  private static void eachJsonLine(InputStream body, Consumer<Json> each) throws IOException {
    BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      if (!line.isBlank()) {
        each.accept(Json.parse(line));
      }
    }
  }

  /**
   * GET on a versioned API path whose answer is bytes (an image export's tar), handed to {@code reader} as it
   * arrives; an error answer is an {@link EngineException} with the engine's message.
   */
  public void download(String path, BodyReader reader) {
    Request request = Request.builder().method(Request.Method.GET).path("/v" + api + path).build();
    try (Response response = execute(request); InputStream body = response.getBody()) {
      if (response.getStatusCode() >= 400) {
        throw new EngineException(response.getStatusCode(), errorMessage(body, response.getStatusCode()));
      }
      reader.read(body);
    } catch (SocketTimeoutException e) {
      throw readTimedOut(request, e);
    } catch (IOException e) {
      throw new StoreUnavailableException("the Docker engine at " + endpoint.host() + " broke off " + path + ": "
          + JsonErrors.oneLine(e), e);
    }
  }

  /** Reads an answer's body. */
  @FunctionalInterface
  public interface BodyReader {
    /** Reads {@code body} (closed by the caller). */
    void read(InputStream body) throws IOException;
  }

  private <T> T call(Request.Method method, String path, Function<Json, T> decoder) {
    try {
      return decode(method, "/v" + api + path, decoder);
    } catch (EngineException e) {
      Matcher older = TOO_NEW.matcher(e.getMessage());
      if (pinned || e.status() != 400 || !older.find()) {
        throw e;
      }
      api = ApiVersion.parse(older.group(1));
      return decode(method, "/v" + api + path, decoder);
    }
  }

  /** URL-encodes a query value. */
  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private <T> T decode(Request.Method method, String path, Function<Json, T> decoder) {
    Request request = Request.builder().method(method).path(path).build();
    try (Response response = execute(request); InputStream body = response.getBody()) {
      int status = response.getStatusCode();
      if (status >= 400) {
        throw new EngineException(status, errorMessage(body, status));
      }
      Json answer = Json.parse(body.readAllBytes());
      if (answer.isMissing()) {
        throw new JsonException("the answer is empty", 0, 0, null);
      }
      return decoder.apply(answer);
    } catch (SocketTimeoutException e) {
      throw readTimedOut(request, e);
    } catch (IOException | JsonException e) {
      throw badAnswer(request, e);
    }
  }

  private Response execute(Request request) {
    try {
      return http.execute(request);
    } catch (RuntimeException e) {
      SocketTimeoutException timeout = timeoutIn(e);
      if (timeout == null) {
        throw unreachable(e);
      }
      if (isConnectTimeout(timeout)) {
        throw new StoreException(timeouts.connectTimedOut("the Docker engine at " + endpoint.host() + " (from "
            + endpoint.source() + ")", ""), e);
      }
      throw readTimedOut(request, e);
    }
  }

  private StoreUnavailableException readTimedOut(Request request, Exception e) {
    return new StoreUnavailableException(timeouts.readTimedOut("the Docker engine at " + endpoint.host(),
        "in reply to " + request.method() + " " + request.path()), e);
  }

  private StoreException badAnswer(Request request, Exception e) {
    return new StoreException("bad answer from the Docker engine at " + endpoint.host() + " for " + request.path()
        + ": " + JsonErrors.oneLine(e), e);
  }

  /** The socket timeout somewhere in {@code e}'s causes (the transports wrap it), or null. */
  private static SocketTimeoutException timeoutIn(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SocketTimeoutException timeout) {
        return timeout;
      }
    }
    return null;
  }

  /**
   * True for a timeout while connecting: the JDK's and UnixConnection's "Connect timed out", the transport's own
   * type.
   */
  private static boolean isConnectTimeout(SocketTimeoutException timeout) {
    return timeout.getClass().getSimpleName().equals("ConnectTimeoutException")
        || String.valueOf(timeout.getMessage()).toLowerCase(Locale.ROOT).contains("connect timed out");
  }

  private StoreUnavailableException unreachable(RuntimeException e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    String why = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    String hint = endpoint.named()
        ? "check that it runs, or point elsewhere with -H, DOCKER_HOST or DOCKER_CONTEXT"
        : "start Docker, or point to an engine with -H, DOCKER_HOST or DOCKER_CONTEXT";
    return new StoreUnavailableException("cannot reach the Docker engine at " + endpoint.host() + " (from "
        + endpoint.source()
        + "): " + why + "; " + hint, e);
  }

  private static String errorMessage(InputStream body, int status) throws IOException {
    byte[] bytes = body.readAllBytes();
    try {
      String message = Json.parse(bytes).path("message").asText("");
      if (!message.isEmpty()) {
        return message;
      }
    } catch (JsonException notJson) {
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
