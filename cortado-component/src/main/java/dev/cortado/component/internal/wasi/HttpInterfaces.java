package dev.cortado.component.internal.wasi;

import static dev.cortado.component.internal.wasi.Cv.NONE;
import static dev.cortado.component.internal.wasi.Cv.of;

import dev.cortado.component.AbiException;
import dev.cortado.component.ComponentLinker;
import dev.cortado.component.ComponentValue;
import dev.cortado.component.ResourceType;
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
   * Handles {@code request} with {@code handle}, a component's {@code incoming-handler.handle}:
   * returns what the component set its response outparam to.
   *
   * @throws IllegalStateException if the component returned without setting it
   */
  public static dev.cortado.component.WasiHttp.Response handle(
      dev.cortado.component.ComponentFunction handle,
      dev.cortado.component.WasiHttp.Request request) {
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
    HttpMessages.ResponseOutparam out = new HttpMessages.ResponseOutparam();
    handle.call(Cv.resource(INCOMING_REQUEST, in), Cv.resource(RESPONSE_OUTPARAM, out));
    if (!out.set) {
      throw new IllegalStateException("the component returned without setting a response");
    }
    if (out.response.isEmpty()) {
      return new dev.cortado.component.WasiHttp.Response(
          500,
          List.of(),
          ("the component answered with an error: " + out.error.orElse(""))
              .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    HttpMessages.OutgoingResponse r = out.response.get();
    List<dev.cortado.component.WasiHttp.Header> hs = new ArrayList<>();
    for (Map.Entry<String, byte[]> e : r.headers.entries()) {
      hs.add(new dev.cortado.component.WasiHttp.Header(e.getKey(), e.getValue()));
    }
    byte[] body = r.body == null ? new byte[0] : r.body.bytes.toByteArray();
    return new dev.cortado.component.WasiHttp.Response(r.status, hs, body);
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
          return of(Cv.ok(Cv.resource(INCOMING_BODY, new HttpMessages.IncomingBody(req.body))));
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
        args -> {
          Cv.rep(args.get(0), HttpMessages.IncomingBody.class);
          return of(Cv.resource(FUTURE_TRAILERS, new Object()));
        });
    l.defineFunction(
        t,
        "[method]future-trailers.subscribe",
        args -> of(Cv.resource(Host.POLLABLE, Pollable.always())));
    // Requests reach the component whole, without trailers: ready at once, and none.
    l.defineFunction(
        t, "[method]future-trailers.get", args -> of(Cv.some(Cv.ok(Cv.ok(Cv.none())))));
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
          Cv.rep(args.get(0), HttpMessages.OutgoingBody.class).finished = true;
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
            p.response =
                Optional.of(
                    Cv.rep(result.payload().orElseThrow(), HttpMessages.OutgoingResponse.class));
          } else {
            p.error = Optional.of(result.payload().map(Object::toString).orElse("error"));
          }
          return NONE;
        });
  }
}
