package dev.cortado.component.internal.wasi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/** What the {@code wasi:http} request, response and body resources stand for. */
final class HttpMessages {
  private HttpMessages() {}

  /** An {@code incoming-request}: what the server received. */
  static final class IncomingRequest {
    final String method;
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

  /** An {@code incoming-body}: a stream taken once. */
  static final class IncomingBody {
    final InputStream in;
    boolean streamTaken;

    IncomingBody(InputStream in) {
      this.in = in;
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

  /** An {@code outgoing-body}: bytes the component writes, kept up to a limit. */
  static final class OutgoingBody {
    final Limited bytes;
    boolean streamTaken;
    boolean finished;

    OutgoingBody(long limit) {
      this.bytes = new Limited(limit);
    }
  }

  /** A buffer that refuses to grow past its limit: writing more fails, as an I/O error. */
  static final class Limited extends OutputStream {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final long limit;

    Limited(long limit) {
      this.limit = limit;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (bytes.size() + (long) len > limit) {
        throw new IOException("the body exceeds the limit of " + limit + " bytes");
      }
      bytes.write(b, off, len);
    }

    byte[] toByteArray() {
      return bytes.toByteArray();
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

  /** A {@code response-outparam}: where the component puts its answer, once. */
  static final class ResponseOutparam {
    Optional<OutgoingResponse> response = Optional.empty();
    Optional<String> error = Optional.empty();
    boolean set;
  }
}
