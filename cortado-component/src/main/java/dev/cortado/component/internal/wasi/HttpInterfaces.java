package dev.cortado.component.internal.wasi;

import static dev.cortado.component.internal.wasi.Cv.NONE;
import static dev.cortado.component.internal.wasi.Cv.of;

import dev.cortado.component.AbiException;
import dev.cortado.component.ComponentLinker;
import dev.cortado.component.ComponentValue;
import dev.cortado.component.ResourceType;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code wasi:http/types} and {@code wasi:http/outgoing-handler}: fields, incoming requests and
 * their bodies, outgoing responses and their bodies, the response outparam; outgoing requests in
 * {@link HttpOutgoing} and {@link OutboundCall}.
 */
public final class HttpInterfaces {
  private HttpInterfaces() {}

  /** The version the host's wasi:http is defined at; any 0.2.x import links to it. */
  static final String VERSION = "@0.2.12";

  static final ResourceType FIELDS = ResourceType.host("fields", rep -> {});
  static final ResourceType INCOMING_REQUEST = ResourceType.host("incoming-request", rep -> {});
  static final ResourceType OUTGOING_REQUEST = ResourceType.host("outgoing-request", rep -> {});
  static final ResourceType REQUEST_OPTIONS = ResourceType.host("request-options", rep -> {});
  static final ResourceType RESPONSE_OUTPARAM = ResourceType.host("response-outparam", rep -> {});
  static final ResourceType INCOMING_RESPONSE = ResourceType.host("incoming-response", rep -> {});
  static final ResourceType INCOMING_BODY = ResourceType.host("incoming-body", rep -> {});
  static final ResourceType FUTURE_TRAILERS = ResourceType.host("future-trailers", rep -> {});
  static final ResourceType OUTGOING_RESPONSE = ResourceType.host("outgoing-response", rep -> {});
  static final ResourceType OUTGOING_BODY = ResourceType.host("outgoing-body", rep -> {});
  static final ResourceType FUTURE_INCOMING_RESPONSE =
      ResourceType.host("future-incoming-response", rep -> {});

  /** The {@code method} cases, by index; the last, {@code other}, carries its name. */
  static final List<String> METHODS =
      List.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH");

  /** {@code error-code.HTTP-request-denied}. */
  static final int HTTP_REQUEST_DENIED = 15;

  /** {@code error-code.internal-error}. */
  static final int INTERNAL_ERROR = 38;

  /** The most bytes a response body may hold (it is kept in memory). */
  static final long BODY_LIMIT = 64L << 20;

  /**
   * Handles {@code request} with {@code handle}, a component's {@code incoming-handler.handle},
   * streaming the response into {@code sink} as the component makes it: started when the component
   * sets its response outparam, finished when it finishes the body. A response the component set to
   * an error is a 500.
   *
   * @throws IllegalStateException if the component returned without setting its response, or
   *     without finishing a body it wrote to
   * @throws UncheckedIOException if the sink failed
   */
  public static void handle(
      dev.cortado.component.ComponentFunction handle,
      dev.cortado.component.WasiHttp.Request request,
      dev.cortado.component.WasiHttp.ResponseSink sink) {
    HttpFields headers = new HttpFields(true);
    for (dev.cortado.component.WasiHttp.Header h : request.headers()) {
      headers.addTrusted(h.name(), h.value());
    }
    HttpMessages.IncomingRequest in =
        new HttpMessages.IncomingRequest(
            request.method(),
            Optional.of(request.pathWithQuery()),
            Optional.of(request.scheme()),
            Optional.of(request.authority()),
            headers,
            request.body());
    in.trailers = () -> fieldEntries(request.trailers().get());
    HttpMessages.ResponseOutparam out = new HttpMessages.ResponseOutparam(sink);
    handle.call(Cv.resource(INCOMING_REQUEST, in), Cv.resource(RESPONSE_OUTPARAM, out));
    if (!out.set) {
      throw new IllegalStateException("the component returned without setting a response");
    }
    if (out.response.isEmpty()) {
      return; // answered with an error, finished when set
    }
    HttpMessages.OutgoingBody body = out.response.get().body;
    if (body == null || (!body.streamTaken && !body.finished)) {
      finish(sink, List.of()); // no body, or one never written: empty
    } else if (!body.finished) {
      throw new IllegalStateException(
          "the component returned without finishing its response body (outgoing-body.finish)");
    }
  }

  /**
   * Handles {@code request} with {@code handle} as {@link #handle} does, and returns the response
   * with its body collected: a body above {@link #BODY_LIMIT} fails the component's write.
   */
  public static dev.cortado.component.WasiHttp.Response collect(
      dev.cortado.component.ComponentFunction handle,
      dev.cortado.component.WasiHttp.Request request) {
    Collected collected = new Collected();
    handle(handle, request, collected);
    return new dev.cortado.component.WasiHttp.Response(
        collected.status, collected.headers, collected.body.toByteArray());
  }

  /** A sink keeping the response in memory, in a body stream that goes nowhere. */
  private static final class Collected implements dev.cortado.component.WasiHttp.ResponseSink {
    int status;
    List<dev.cortado.component.WasiHttp.Header> headers = List.of();
    final HttpMessages.BodyStream body = new HttpMessages.BodyStream(BODY_LIMIT);

    @Override
    public java.io.OutputStream start(
        int status, List<dev.cortado.component.WasiHttp.Header> headers) {
      this.status = status;
      this.headers = headers;
      return body;
    }

    @Override
    public void finish(List<dev.cortado.component.WasiHttp.Header> trailers) {}
  }

  private static List<Map.Entry<String, byte[]>> fieldEntries(
      List<dev.cortado.component.WasiHttp.Header> hs) {
    List<Map.Entry<String, byte[]>> out = new ArrayList<>();
    for (dev.cortado.component.WasiHttp.Header h : hs) {
      out.add(Map.entry(h.name(), h.value()));
    }
    return out;
  }

  private static List<dev.cortado.component.WasiHttp.Header> headers(
      List<Map.Entry<String, byte[]>> es) {
    List<dev.cortado.component.WasiHttp.Header> hs = new ArrayList<>();
    for (Map.Entry<String, byte[]> e : es) {
      hs.add(new dev.cortado.component.WasiHttp.Header(e.getKey(), e.getValue()));
    }
    return hs;
  }

  private static java.io.OutputStream start(
      dev.cortado.component.WasiHttp.ResponseSink sink,
      int status,
      List<Map.Entry<String, byte[]>> hs) {
    try {
      return sink.start(status, headers(hs));
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void finish(
      dev.cortado.component.WasiHttp.ResponseSink sink, List<Map.Entry<String, byte[]>> trailers) {
    try {
      sink.finish(headers(trailers));
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The component set its response: sends its head, and its body as it comes. */
  private static void respond(HttpMessages.ResponseOutparam p, HttpMessages.OutgoingResponse r) {
    java.io.OutputStream target = start(p.sink, r.status, r.headers.entries());
    HttpMessages.OutgoingBody body = r.body;
    if (body == null) {
      return;
    }
    try {
      body.bytes.attach(target);
      if (body.finished) {
        target.flush();
        finish(p.sink, body.trailers);
      } else {
        body.whenFinished =
            () -> {
              try {
                body.bytes.flush();
              } catch (java.io.IOException e) {
                throw new UncheckedIOException(e);
              }
              finish(p.sink, body.trailers);
            };
      }
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ComponentValue method(String name) {
    int i = METHODS.indexOf(name);
    return i >= 0 ? Cv.variant(i) : Cv.variant(METHODS.size(), Cv.str(name));
  }

  static String method(ComponentValue v) {
    ComponentValue.VariantV m = (ComponentValue.VariantV) v;
    return m.index() < METHODS.size()
        ? METHODS.get(m.index())
        : Cv.string(m.payload().orElseThrow());
  }

  static ComponentValue scheme(String s) {
    return switch (s.toLowerCase(java.util.Locale.ROOT)) {
      case "http" -> Cv.variant(0);
      case "https" -> Cv.variant(1);
      default -> Cv.variant(2, Cv.str(s));
    };
  }

  static String scheme(ComponentValue v) {
    ComponentValue.VariantV m = (ComponentValue.VariantV) v;
    return switch (m.index()) {
      case 0 -> "http";
      case 1 -> "https";
      default -> Cv.string(m.payload().orElseThrow());
    };
  }

  private static ComponentValue optionalString(Optional<String> s) {
    return new ComponentValue.OptionV(s.map(Cv::str));
  }

  private static Optional<String> optionalString(ComponentValue v) {
    return ((ComponentValue.OptionV) v).value().map(Cv::string);
  }

  private static ComponentValue fields(HttpFields f) {
    return Cv.resource(FIELDS, f);
  }

  private static ComponentValue headerResult(Runnable change) {
    try {
      change.run();
      return Cv.ok();
    } catch (HttpFields.HeaderError e) {
      return Cv.err(Cv.variant(e.code));
    }
  }

  private static ComponentValue entries(List<Map.Entry<String, byte[]>> es) {
    List<ComponentValue> out = new ArrayList<>();
    for (Map.Entry<String, byte[]> e : es) {
      out.add(Cv.tuple(Cv.str(e.getKey()), new ComponentValue.Bytes(e.getValue())));
    }
    return Cv.list(out);
  }

  /**
   * Defines wasi:http's types and outgoing handler in {@code l}; outgoing requests go only where
   * {@code allowed} says.
   */
  public static void define(ComponentLinker l, java.util.function.Predicate<java.net.URI> allowed) {
    String t = "wasi:http/types" + VERSION;
    for (ResourceType r :
        List.of(
            FIELDS,
            INCOMING_REQUEST,
            OUTGOING_REQUEST,
            REQUEST_OPTIONS,
            RESPONSE_OUTPARAM,
            INCOMING_RESPONSE,
            INCOMING_BODY,
            FUTURE_TRAILERS,
            OUTGOING_RESPONSE,
            OUTGOING_BODY,
            FUTURE_INCOMING_RESPONSE)) {
      l.defineResource(t, r);
    }
    defineFields(l, t);
    defineIncoming(l, t);
    defineOutgoingResponse(l, t);
    HttpOutgoing.define(l, t, allowed);
    l.defineFunction(t, "http-error-code", args -> of(Cv.none()));
  }

  private static void defineFields(ComponentLinker l, String t) {
    String f = "[method]fields.";
    l.defineFunction(t, "[constructor]fields", args -> of(fields(new HttpFields(false))));
    l.defineFunction(
        t,
        "[static]fields.from-list",
        args -> {
          HttpFields made = new HttpFields(false);
          try {
            for (ComponentValue e : ((ComponentValue.ListV) args.get(0)).elements()) {
              List<ComponentValue> pair = ((ComponentValue.TupleV) e).elements();
              made.add(Cv.string(pair.get(0)), Cv.bytes(pair.get(1)));
            }
          } catch (HttpFields.HeaderError e) {
            return of(Cv.err(Cv.variant(e.code)));
          }
          return of(Cv.ok(fields(made)));
        });
    l.defineFunction(
        t,
        f + "get",
        args -> {
          List<ComponentValue> values = new ArrayList<>();
          for (byte[] v : Cv.rep(args.get(0), HttpFields.class).get(Cv.string(args.get(1)))) {
            values.add(new ComponentValue.Bytes(v));
          }
          return of(Cv.list(values));
        });
    l.defineFunction(
        t,
        f + "has",
        args -> of(Cv.bool(Cv.rep(args.get(0), HttpFields.class).has(Cv.string(args.get(1))))));
    l.defineFunction(
        t,
        f + "set",
        args -> {
          List<byte[]> values = new ArrayList<>();
          for (ComponentValue v : ((ComponentValue.ListV) args.get(2)).elements()) {
            values.add(Cv.bytes(v));
          }
          HttpFields fs = Cv.rep(args.get(0), HttpFields.class);
          return of(headerResult(() -> fs.set(Cv.string(args.get(1)), values)));
        });
    l.defineFunction(
        t,
        f + "delete",
        args -> {
          HttpFields fs = Cv.rep(args.get(0), HttpFields.class);
          return of(headerResult(() -> fs.delete(Cv.string(args.get(1)))));
        });
    l.defineFunction(
        t,
        f + "append",
        args -> {
          HttpFields fs = Cv.rep(args.get(0), HttpFields.class);
          return of(headerResult(() -> fs.append(Cv.string(args.get(1)), Cv.bytes(args.get(2)))));
        });
    l.defineFunction(
        t, f + "entries", args -> of(entries(Cv.rep(args.get(0), HttpFields.class).entries())));
    l.defineFunction(
        t, f + "clone", args -> of(fields(Cv.rep(args.get(0), HttpFields.class).copy(false))));
  }

  private static void defineIncoming(ComponentLinker l, String t) {
    String r = "[method]incoming-request.";
    l.defineFunction(
        t,
        r + "method",
        args -> of(method(Cv.rep(args.get(0), HttpMessages.IncomingRequest.class).method)));
    l.defineFunction(
        t,
        r + "path-with-query",
        args ->
            of(
                optionalString(
                    Cv.rep(args.get(0), HttpMessages.IncomingRequest.class).pathWithQuery)));
    l.defineFunction(
        t,
        r + "scheme",
        args ->
            of(
                new ComponentValue.OptionV(
                    Cv.rep(args.get(0), HttpMessages.IncomingRequest.class)
                        .scheme
                        .map(HttpInterfaces::scheme))));
    l.defineFunction(
        t,
        r + "authority",
        args ->
            of(optionalString(Cv.rep(args.get(0), HttpMessages.IncomingRequest.class).authority)));
    l.defineFunction(
        t,
        r + "headers",
        args -> of(fields(Cv.rep(args.get(0), HttpMessages.IncomingRequest.class).headers)));
    l.defineFunction(
        t,
        r + "consume",
        args -> {
          HttpMessages.IncomingRequest req =
              Cv.rep(args.get(0), HttpMessages.IncomingRequest.class);
          if (req.consumed) {
            return of(Cv.err());
          }
          req.consumed = true;
          return of(
              Cv.ok(
                  Cv.resource(
                      INCOMING_BODY, new HttpMessages.IncomingBody(req.body, req.trailers))));
        });
    l.defineFunction(
        t,
        "[method]incoming-body.stream",
        args -> {
          HttpMessages.IncomingBody b = Cv.rep(args.get(0), HttpMessages.IncomingBody.class);
          if (b.streamTaken) {
            return of(Cv.err());
          }
          b.streamTaken = true;
          return of(Cv.ok(Cv.resource(Host.INPUT_STREAM, Streams.of(b.in))));
        });
    l.defineFunction(
        t,
        "[static]incoming-body.finish",
        args ->
            of(
                Cv.resource(
                    FUTURE_TRAILERS,
                    Cv.rep(args.get(0), HttpMessages.IncomingBody.class).trailers)));
    l.defineFunction(
        t,
        "[method]future-trailers.subscribe",
        args -> of(Cv.resource(Host.POLLABLE, Pollable.always())));
    // The body was read to its end (finish takes it), so its trailers are known: ready at once.
    l.defineFunction(
        t,
        "[method]future-trailers.get",
        args -> {
          @SuppressWarnings("unchecked")
          java.util.function.Supplier<List<Map.Entry<String, byte[]>>> trailers =
              (java.util.function.Supplier<List<Map.Entry<String, byte[]>>>)
                  ((ComponentValue.Resource) args.get(0)).rep();
          List<Map.Entry<String, byte[]>> got = trailers.get();
          if (got.isEmpty()) {
            return of(Cv.some(Cv.ok(Cv.ok(Cv.none()))));
          }
          HttpFields fs = new HttpFields(true);
          got.forEach(e -> fs.addTrusted(e.getKey(), e.getValue()));
          return of(Cv.some(Cv.ok(Cv.ok(Cv.some(fields(fs))))));
        });
  }

  private static void defineOutgoingResponse(ComponentLinker l, String t) {
    String r = "[method]outgoing-response.";
    l.defineFunction(
        t,
        "[constructor]outgoing-response",
        args ->
            of(
                Cv.resource(
                    OUTGOING_RESPONSE,
                    new HttpMessages.OutgoingResponse(
                        Cv.rep(args.get(0), HttpFields.class).copy(true)))));
    l.defineFunction(
        t,
        r + "status-code",
        args ->
            of(
                new ComponentValue.Int(
                    dev.cortado.component.PrimitiveType.U16,
                    Cv.rep(args.get(0), HttpMessages.OutgoingResponse.class).status)));
    l.defineFunction(
        t,
        r + "set-status-code",
        args -> {
          long code = Cv.integer(args.get(1));
          if (code < 100 || code > 999) {
            return of(Cv.err());
          }
          Cv.rep(args.get(0), HttpMessages.OutgoingResponse.class).status = (int) code;
          return of(Cv.ok());
        });
    l.defineFunction(
        t,
        r + "headers",
        args -> of(fields(Cv.rep(args.get(0), HttpMessages.OutgoingResponse.class).headers)));
    l.defineFunction(
        t,
        r + "body",
        args -> {
          HttpMessages.OutgoingResponse resp =
              Cv.rep(args.get(0), HttpMessages.OutgoingResponse.class);
          if (resp.body != null) {
            return of(Cv.err());
          }
          resp.body = new HttpMessages.OutgoingBody(BODY_LIMIT);
          return of(Cv.ok(Cv.resource(OUTGOING_BODY, resp.body)));
        });
    l.defineFunction(
        t,
        "[method]outgoing-body.write",
        args -> {
          HttpMessages.OutgoingBody b = Cv.rep(args.get(0), HttpMessages.OutgoingBody.class);
          if (b.streamTaken) {
            return of(Cv.err());
          }
          b.streamTaken = true;
          return of(Cv.ok(Cv.resource(Host.OUTPUT_STREAM, Streams.of(b.bytes))));
        });
    l.defineFunction(
        t,
        "[static]outgoing-body.finish",
        args -> {
          HttpMessages.OutgoingBody b = Cv.rep(args.get(0), HttpMessages.OutgoingBody.class);
          b.trailers =
              ((ComponentValue.OptionV) args.get(1))
                  .value()
                  .map(f -> Cv.rep(f, HttpFields.class).entries())
                  .orElse(List.of());
          b.finished = true;
          b.whenFinished.run();
          return of(Cv.ok());
        });
    l.defineFunction(
        t,
        "[static]response-outparam.set",
        args -> {
          HttpMessages.ResponseOutparam p =
              Cv.rep(args.get(0), HttpMessages.ResponseOutparam.class);
          if (p.set) {
            throw new AbiException("response-outparam.set called twice");
          }
          p.set = true;
          ComponentValue.ResultV result = (ComponentValue.ResultV) args.get(1);
          if (result.ok()) {
            HttpMessages.OutgoingResponse response =
                Cv.rep(result.payload().orElseThrow(), HttpMessages.OutgoingResponse.class);
            p.response = Optional.of(response);
            respond(p, response);
          } else {
            byte[] text =
                ("the component answered with an error: "
                        + result.payload().map(Object::toString).orElse("error"))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            try {
              start(p.sink, 500, List.of()).write(text);
            } catch (java.io.IOException e) {
              throw new UncheckedIOException(e);
            }
            finish(p.sink, List.of());
          }
          return NONE;
        });
  }
}
