package dev.cortado.component;

import dev.cortado.component.internal.wasi.HttpInterfaces;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@code wasi:http} for components: the host side of {@code wasi:http/types} ({@link #addTo}), and
 * a request handed to a component's {@code wasi:http/incoming-handler} ({@link #handle}), as {@code
 * cortado serve} does for every request. Bodies stream both ways: the component reads the request
 * body as it arrives, and its response goes to a {@link ResponseSink} as it writes it (or is
 * collected whole, up to 64 MiB, by {@link #handle(ComponentInstance, Request)}); trailers pass
 * both ways. Outbound requests ({@code outgoing-handler}) go where the host allows.
 */
public final class WasiHttp {
  private WasiHttp() {}

  /** The interface a component serving HTTP exports. */
  public static final String INCOMING_HANDLER = "wasi:http/incoming-handler@0.2.0";

  /**
   * A header.
   *
   * @param name its name
   * @param value its value, as bytes
   */
  public record Header(String name, byte[] value) {
    /** Checks the parts are present. */
    public Header {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * A request as the server received it.
   *
   * @param method the method ({@code GET}, ...)
   * @param pathWithQuery the path and query
   * @param scheme {@code http} or {@code https}
   * @param authority the host (and port) asked for
   * @param headers the headers, in order
   * @param body the body, read as the component reads it
   * @param trailers the trailers that followed the body, asked for once it was read to its end
   */
  public record Request(
      String method,
      String pathWithQuery,
      String scheme,
      String authority,
      List<Header> headers,
      InputStream body,
      Supplier<List<Header>> trailers) {
    /** Copies the headers. */
    public Request {
      headers = List.copyOf(headers);
      Objects.requireNonNull(body, "body");
      Objects.requireNonNull(trailers, "trailers");
    }

    /** A request without trailers. */
    public Request(
        String method,
        String pathWithQuery,
        String scheme,
        String authority,
        List<Header> headers,
        InputStream body) {
      this(method, pathWithQuery, scheme, authority, headers, body, List::of);
    }
  }

  /**
   * Where a component's response goes as the component makes it: its head when the component sets
   * its response, then its body as it writes it, then the end, with trailers. Called on the thread
   * running the component; a method that throws makes the component's write fail (or, for {@link
   * #start}, the handler fail).
   */
  public interface ResponseSink {
    /**
     * The component set its response: returns where its body goes. Called once, before any byte of
     * the body.
     */
    OutputStream start(int status, List<Header> headers) throws IOException;

    /** The body is complete; {@code trailers} (often none) follow it. Called once, last. */
    void finish(List<Header> trailers) throws IOException;
  }

  /**
   * What the component answered.
   *
   * @param status the status code
   * @param headers the headers, in order
   * @param body the body
   */
  public record Response(int status, List<Header> headers, byte[] body) {
    /** Copies the headers. */
    public Response {
      headers = List.copyOf(headers);
    }
  }

  /**
   * Defines {@code wasi:http/types} and {@code wasi:http/outgoing-handler} in {@code linker}, with
   * no outbound request allowed ({@code HTTP-request-denied}).
   */
  public static ComponentLinker addTo(ComponentLinker linker) {
    return addTo(linker, uri -> false);
  }

  /**
   * Defines {@code wasi:http/types} and {@code wasi:http/outgoing-handler} in {@code linker}; an
   * outbound request is sent (with the JDK's HTTP client) if {@code allowed} accepts its URL, and
   * refused with {@code HTTP-request-denied} if not.
   */
  public static ComponentLinker addTo(
      ComponentLinker linker, java.util.function.Predicate<java.net.URI> allowed) {
    HttpInterfaces.define(
        Objects.requireNonNull(linker, "linker"), Objects.requireNonNull(allowed, "allowed"));
    return linker;
  }

  /**
   * Hands {@code request} to {@code instance}'s {@code wasi:http/incoming-handler} and returns its
   * response, its body collected whole (up to 64 MiB). A response the component set to an error is
   * a 500.
   *
   * @throws IllegalArgumentException if the instance exports no incoming handler
   * @throws IllegalStateException if the component returned without setting a response, or without
   *     finishing a body it wrote to
   * @throws dev.cortado.runtime.Trap if the component traps
   */
  public static Response handle(ComponentInstance instance, Request request) {
    return HttpInterfaces.collect(handler(instance), request);
  }

  /**
   * Hands {@code request} to {@code instance}'s {@code wasi:http/incoming-handler}, streaming its
   * response into {@code sink} as the component makes it. A response the component set to an error
   * is a 500.
   *
   * @throws IllegalArgumentException if the instance exports no incoming handler
   * @throws IllegalStateException if the component returned without setting a response, or without
   *     finishing a body it wrote to
   * @throws java.io.UncheckedIOException if the sink failed
   * @throws dev.cortado.runtime.Trap if the component traps
   */
  public static void handle(ComponentInstance instance, Request request, ResponseSink sink) {
    Objects.requireNonNull(sink, "sink");
    HttpInterfaces.handle(handler(instance), request, sink);
  }

  private static ComponentFunction handler(ComponentInstance instance) {
    return instance
        .function(INCOMING_HANDLER, "handle")
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "the component exports no wasi:http/incoming-handler (it exports: "
                        + String.join(", ", instance.exportNames())
                        + ")"));
  }
}
