package dev.cortado.component.internal.wasi;

import static dev.cortado.component.internal.wasi.Cv.of;

import dev.cortado.component.ComponentLinker;
import dev.cortado.component.ComponentValue;
import java.net.URI;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The outbound side of {@code wasi:http}: outgoing requests and their options, built and read by
 * the component; {@link OutboundCall} sends them.
 */
final class HttpOutgoing {
  private HttpOutgoing() {}

  private static HttpMessages.OutgoingRequest request(ComponentValue v) {
    return Cv.rep(v, HttpMessages.OutgoingRequest.class);
  }

  private static void optionalField(
      ComponentLinker l,
      String t,
      String name,
      Function<HttpMessages.OutgoingRequest, Optional<String>> get,
      BiConsumer<HttpMessages.OutgoingRequest, Optional<String>> set) {
    String m = "[method]outgoing-request.";
    l.defineFunction(
        t,
        m + name,
        args -> of(new ComponentValue.OptionV(get.apply(request(args.get(0))).map(Cv::str))));
    l.defineFunction(
        t,
        m + "set-" + name,
        args -> {
          set.accept(
              request(args.get(0)), ((ComponentValue.OptionV) args.get(1)).value().map(Cv::string));
          return of(Cv.ok());
        });
  }

  private static void timeout(
      ComponentLinker l,
      String t,
      String name,
      Function<HttpMessages.RequestOptions, Optional<Long>> get,
      BiConsumer<HttpMessages.RequestOptions, Optional<Long>> set) {
    String m = "[method]request-options.";
    l.defineFunction(
        t,
        m + name,
        args ->
            of(
                new ComponentValue.OptionV(
                    get.apply(Cv.rep(args.get(0), HttpMessages.RequestOptions.class))
                        .map(Cv::u64))));
    l.defineFunction(
        t,
        m + "set-" + name,
        args -> {
          set.accept(
              Cv.rep(args.get(0), HttpMessages.RequestOptions.class),
              ((ComponentValue.OptionV) args.get(1)).value().map(Cv::integer));
          return of(Cv.ok());
        });
  }

  static void define(ComponentLinker l, String t, Predicate<URI> allowed) {
    l.defineFunction(
        t,
        "[constructor]outgoing-request",
        args ->
            of(
                Cv.resource(
                    HttpInterfaces.OUTGOING_REQUEST,
                    new HttpMessages.OutgoingRequest(
                        Cv.rep(args.get(0), HttpFields.class).copy(true)))));
    String m = "[method]outgoing-request.";
    l.defineFunction(
        t,
        m + "body",
        args -> {
          HttpMessages.OutgoingRequest r = request(args.get(0));
          if (r.body != null) {
            return of(Cv.err());
          }
          r.body = new HttpMessages.OutgoingBody(HttpInterfaces.BODY_LIMIT);
          return of(Cv.ok(Cv.resource(HttpInterfaces.OUTGOING_BODY, r.body)));
        });
    l.defineFunction(
        t, m + "method", args -> of(HttpInterfaces.method(request(args.get(0)).method)));
    l.defineFunction(
        t,
        m + "set-method",
        args -> {
          request(args.get(0)).method = HttpInterfaces.method(args.get(1));
          return of(Cv.ok());
        });
    optionalField(l, t, "path-with-query", r -> r.pathWithQuery, (r, v) -> r.pathWithQuery = v);
    optionalField(l, t, "authority", r -> r.authority, (r, v) -> r.authority = v);
    l.defineFunction(
        t,
        m + "scheme",
        args ->
            of(
                new ComponentValue.OptionV(
                    request(args.get(0)).scheme.map(HttpInterfaces::scheme))));
    l.defineFunction(
        t,
        m + "set-scheme",
        args -> {
          request(args.get(0)).scheme =
              ((ComponentValue.OptionV) args.get(1)).value().map(HttpInterfaces::scheme);
          return of(Cv.ok());
        });
    l.defineFunction(
        t,
        m + "headers",
        args -> of(Cv.resource(HttpInterfaces.FIELDS, request(args.get(0)).headers)));

    l.defineFunction(
        t,
        "[constructor]request-options",
        args -> of(Cv.resource(HttpInterfaces.REQUEST_OPTIONS, new HttpMessages.RequestOptions())));
    timeout(l, t, "connect-timeout", o -> o.connect, (o, v) -> o.connect = v);
    timeout(l, t, "first-byte-timeout", o -> o.firstByte, (o, v) -> o.firstByte = v);
    timeout(l, t, "between-bytes-timeout", o -> o.betweenBytes, (o, v) -> o.betweenBytes = v);

    OutboundCall.define(l, t, allowed);
  }
}
