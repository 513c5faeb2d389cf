package dev.mimg.store.docker;

import com.github.dockerjava.transport.DockerHttpClient;
import dev.mimg.model.Timeouts;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * docker-java's {@link DockerHttpClient} over a local unix socket with the JDK's own channels, or over ssh running
 * {@code docker system dial-stdio} ({@link SshConnection}): HTTP/1.1, one connection per request, connect and every
 * read bounded by the timeouts ({@link UnixConnection}). The CLI's fast
 * path uses it because the Apache-based transport spends about 250 ms building TLS and cookie machinery a local
 * socket never needs; tcp and TLS hosts keep docker-java's zerodep client.
 */
final class UnixSocketHttpClient implements DockerHttpClient {

  private static final int CHUNK = 64 * 1024;
  private static final byte[] CRLF = {'\r', '\n'};

  private final EngineConnection.Opener opener;
  private final Path socket;

  UnixSocketHttpClient(Path socket, Timeouts timeouts) {
    this(() -> UnixConnection.open(socket, timeouts), socket);
  }

  /** A client whose every request goes over a new connection {@code opener} makes. */
  UnixSocketHttpClient(EngineConnection.Opener opener) {
    this(opener, null);
  }

  private UnixSocketHttpClient(EngineConnection.Opener opener, Path socket) {
    this.opener = opener;
    this.socket = socket;
  }

  @Override
  public Response execute(Request request) {
    if (request.hijackedInput() != null) {
      throw new UnsupportedOperationException("hijacked connections are not supported on this transport");
    }
    EngineConnection early = socket != null && "GET".equals(request.method()) && request.headers().isEmpty()
        && request.bodyBytes() == null && request.body() == null ? EarlyRequest.take(socket, request.path()) : null;
    if (early != null) {
      try {
        return HttpResponse.read(new BufferedInputStream(early.input(), 64 * 1024), early);
      } catch (IOException e) {
        closeQuietly(early);
        throw new UncheckedIOException(e);
      }
    }
    EngineConnection connection = null;
    try {
      connection = opener.open();
      OutputStream out = connection.output();
      byte[] body = request.bodyBytes();
      InputStream stream = body == null ? request.body() : null;
      out.write(head(request, body, stream != null).getBytes(StandardCharsets.ISO_8859_1));
      if (body != null) {
        out.write(body);
      } else if (stream != null) {
        writeChunked(stream, out);
      }
      out.flush();
      return HttpResponse.read(new BufferedInputStream(connection.input(), 64 * 1024), connection);
    } catch (IOException e) {
      closeQuietly(connection);
      throw new UncheckedIOException(e);
    }
  }

  /** Sends a body of unknown length as HTTP/1.1 chunks, as it is read (never whole in memory). */
  private static void writeChunked(InputStream body, OutputStream out) throws IOException {
    try (body) {
      byte[] buffer = new byte[CHUNK];
      for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
        if (n > 0) {
          out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
          out.write(buffer, 0, n);
          out.write(CRLF);
        }
      }
      out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }
  }

  /** The request's head as this client writes it. */
  static String head(Request request, byte[] body, boolean chunked) {
    StringBuilder head = new StringBuilder()
        .append(request.method()).append(' ').append(request.path()).append(" HTTP/1.1\r\n")
        .append("Host: docker\r\nUser-Agent: mimg\r\nConnection: close\r\n");
    request.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    if (body != null) {
      if (!request.headers().containsKey("Content-Type")) {
        head.append("Content-Type: application/json\r\n");
      }
      head.append("Content-Length: ").append(body.length).append("\r\n");
    } else if (chunked) {
      head.append("Transfer-Encoding: chunked\r\n");
    }
    return head.append("\r\n").toString();
  }

  private static void closeQuietly(EngineConnection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (IOException ignored) {
        // the request already failed; its error is the one that matters
      }
    }
  }

  @Override
  public void close() {
    // no pooled connections: each response closes its own
  }

  /** A parsed HTTP/1.1 response whose body streams from the socket (chunked, sized, or until close). */
  private static final class HttpResponse implements Response {
    private final int status;
    private final Map<String, List<String>> headers;
    private final InputStream body;
    private final EngineConnection connection;

    private HttpResponse(int status, Map<String, List<String>> headers, InputStream body,
        EngineConnection connection) {
      this.status = status;
      this.headers = headers;
      this.body = body;
      this.connection = connection;
    }

    static HttpResponse read(InputStream in, EngineConnection connection) throws IOException {
      String statusLine = line(in);
      String[] parts = statusLine.split(" ", 3);
      if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
        throw new IOException("not an HTTP response: " + statusLine);
      }
      int status;
      try {
        status = Integer.parseInt(parts[1]);
      } catch (NumberFormatException e) {
        throw new IOException("not an HTTP response: " + statusLine);
      }
      Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      for (String header = line(in); !header.isEmpty(); header = line(in)) {
        int colon = header.indexOf(':');
        if (colon > 0) {
          headers.computeIfAbsent(header.substring(0, colon).strip(), k -> new ArrayList<>())
              .add(header.substring(colon + 1).strip());
        }
      }
      InputStream body;
      String encoding = first(headers, "Transfer-Encoding");
      String length = first(headers, "Content-Length");
      if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
        body = new ChunkedInputStream(in);
      } else if (length != null) {
        body = new SizedInputStream(in, contentLength(length));
      } else {
        body = in;
      }
      return new HttpResponse(status, headers, body, connection);
    }

    private static long contentLength(String value) throws IOException {
      try {
        return Long.parseLong(value.strip());
      } catch (NumberFormatException e) {
        throw new IOException("invalid Content-Length: " + value);
      }
    }

    private static String first(Map<String, List<String>> headers, String name) {
      List<String> values = headers.get(name);
      return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public int getStatusCode() {
      return status;
    }

    @Override
    public Map<String, List<String>> getHeaders() {
      return headers;
    }

    @Override
    public InputStream getBody() {
      return body;
    }

    @Override
    public void close() {
      closeQuietly(connection);
    }
  }

  /** Reads one CRLF-terminated header line. */
  static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new EOFException("connection closed in the middle of an HTTP header");
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }

  /** A body of a known length. */
  private static final class SizedInputStream extends InputStream {
    private final InputStream in;
    private long left;

    SizedInputStream(InputStream in, long length) {
      this.in = in;
      this.left = length;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int b = in.read();
      if (b >= 0) {
        left--;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int n = in.read(buffer, offset, (int) Math.min(length, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }
  }

  /** A chunked transfer-encoded body (RFC 9112 section 7.1); trailers are skipped. */
  private static final class ChunkedInputStream extends InputStream {
    private final InputStream in;
    private long left;
    private boolean done;

    ChunkedInputStream(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (done || !nextChunk()) {
        return -1;
      }
      int n = in.read(buffer, offset, (int) Math.min(length, left));
      if (n < 0) {
        throw new EOFException("connection closed in the middle of a chunk");
      }
      left -= n;
      return n;
    }

    private boolean nextChunk() throws IOException {
      if (left > 0) {
        return true;
      }
      String size = line(in);
      if (size.isEmpty()) {       // the CRLF that ends the previous chunk
        size = line(in);
      }
      int extension = size.indexOf(';');
      left = Long.parseLong((extension < 0 ? size : size.substring(0, extension)).strip(), 16);
      if (left == 0) {
        for (String trailer = line(in); !trailer.isEmpty(); trailer = line(in)) {
          // trailers carry nothing mimg uses
        }
        done = true;
        return false;
      }
      return true;
    }
  }
}
