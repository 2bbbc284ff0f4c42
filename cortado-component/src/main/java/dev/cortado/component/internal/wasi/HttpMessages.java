package dev.cortado.component.internal.wasi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the {@code wasi:http} request, response and body resources stand for. */
final class HttpMessages {
  private HttpMessages() {}

  /** An {@code incoming-request}: what the server received. */
  static final class IncomingRequest {
    final String method;
    java.util.function.Supplier<List<Map.Entry<String, byte[]>>> trailers = List::of;
    final Optional<String> pathWithQuery;
    final Optional<String> scheme;
    final Optional<String> authority;
    final HttpFields headers;
    final InputStream body;
    boolean consumed;

    IncomingRequest(
        String method,
        Optional<String> pathWithQuery,
        Optional<String> scheme,
        Optional<String> authority,
        HttpFields headers,
        InputStream body) {
      this.method = method;
      this.pathWithQuery = pathWithQuery;
      this.scheme = scheme;
      this.authority = authority;
      this.headers = headers;
      this.body = body;
    }
  }

  /** An {@code incoming-body}: a stream taken once, and the trailers that follow it. */
  static final class IncomingBody {
    final InputStream in;
    final java.util.function.Supplier<List<Map.Entry<String, byte[]>>> trailers;
    boolean streamTaken;

    IncomingBody(InputStream in) {
      this(in, List::of);
    }

    IncomingBody(
        InputStream in, java.util.function.Supplier<List<Map.Entry<String, byte[]>>> trailers) {
      this.in = in;
      this.trailers = trailers;
    }
  }

  /** An {@code outgoing-response} the component builds. */
  static final class OutgoingResponse {
    int status = 200;
    final HttpFields headers;
    OutgoingBody body;

    OutgoingResponse(HttpFields headers) {
      this.headers = headers;
    }
  }

  /**
   * An {@code outgoing-body}: bytes the component writes, kept up to a limit until the body has
   * somewhere to go ({@link BodyStream#attach}), and its trailers once finished.
   */
  static final class OutgoingBody {
    final BodyStream bytes;
    boolean streamTaken;
    boolean finished;
    List<Map.Entry<String, byte[]>> trailers = List.of();

    /** What runs when the component finishes the body, once a response holds it. */
    Runnable whenFinished = () -> {};

    OutgoingBody(long limit) {
      this.bytes = new BodyStream(limit);
    }
  }

  /**
   * The bytes of an outgoing body: kept in memory up to a limit (writing more fails, as an I/O
   * error) until {@link #attach} passes them, and every later write, on to where the body goes.
   */
  static final class BodyStream extends OutputStream {
    private ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final long limit;
    private OutputStream target;

    BodyStream(long limit) {
      this.limit = limit;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (target != null) {
        target.write(b, off, len);
        return;
      }
      if (kept.size() + (long) len > limit) {
        throw new IOException("the body exceeds the limit of " + limit + " bytes");
      }
      kept.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
      if (target != null) {
        target.flush();
      }
    }

    /** Writes what was kept to {@code out}, and from now on every write. */
    void attach(OutputStream out) throws IOException {
      out.write(kept.toByteArray());
      kept = null;
      target = out;
    }

    /** Returns what was kept (a body that went nowhere). */
    byte[] toByteArray() {
      return kept == null ? new byte[0] : kept.toByteArray();
    }
  }

  /** An {@code outgoing-request} the component builds and sends. */
  static final class OutgoingRequest {
    String method = "GET";
    Optional<String> pathWithQuery = Optional.empty();
    Optional<String> scheme = Optional.empty();
    Optional<String> authority = Optional.empty();
    final HttpFields headers;
    OutgoingBody body;

    OutgoingRequest(HttpFields headers) {
      this.headers = headers;
    }
  }

  /**
   * {@code request-options}: timeouts in nanoseconds, if set. The first-byte timeout bounds the
   * request; the connect and between-bytes ones are kept for the component to read back, the JDK
   * client's own connect timeout (10 s) applying to every request.
   */
  static final class RequestOptions {
    Optional<Long> connect = Optional.empty();
    Optional<Long> firstByte = Optional.empty();
    Optional<Long> betweenBytes = Optional.empty();
  }

  /** An {@code incoming-response}: what a server answered an outgoing request. */
  static final class IncomingResponse {
    final int status;
    final HttpFields headers;
    final InputStream body;
    boolean consumed;

    IncomingResponse(int status, HttpFields headers, InputStream body) {
      this.status = status;
      this.headers = headers;
      this.body = body;
    }
  }

  /** A {@code response-outparam}: where the component puts its answer, once, as it is set. */
  static final class ResponseOutparam {
    final dev.cortado.component.WasiHttp.ResponseSink sink;
    Optional<OutgoingResponse> response = Optional.empty();
    boolean set;

    ResponseOutparam(dev.cortado.component.WasiHttp.ResponseSink sink) {
      this.sink = sink;
    }
  }
}
