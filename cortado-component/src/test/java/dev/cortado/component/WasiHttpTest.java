package dev.cortado.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.cortado.runtime.Engine;
import dev.cortado.runtime.Store;
import dev.cortado.wasi.WasiConfig;
import dev.cortado.wasm.Bytes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A JavaScript wasi:http component (componentize-js, StarlingMonkey: {@code js/hello.js}) handles
 * requests, a fresh instance for each, as {@code cortado serve} runs it.
 */
class WasiHttpTest {
  private static CompiledComponent js;

  @BeforeAll
  static void compile() throws IOException {
    try (InputStream in = WasiHttpTest.class.getResourceAsStream("/components/js/hello.wasm")) {
      js =
          CompiledComponent.compile(Engine.create(), Component.decode(Bytes.of(in.readAllBytes())));
    }
  }

  private static WasiHttp.Response request(String method, String path, String body) {
    return request(method, path, body, uri -> false);
  }

  private static WasiHttp.Response request(
      String method, String path, String body, java.util.function.Predicate<URI> allowed) {
    ComponentLinker linker = ComponentLinker.create();
    try (WasiPreview2 wasi = WasiPreview2.create(WasiConfig.defaults())) {
      wasi.addTo(linker);
      WasiHttp.addTo(linker, allowed);
      Store store = Store.create(js.engine());
      wasi.enter(store);
      ComponentInstance app = linker.instantiate(store, js);
      return WasiHttp.handle(
          app,
          new WasiHttp.Request(
              method,
              path,
              "http",
              "localhost:8080",
              List.of(new WasiHttp.Header("accept", "*/*".getBytes(StandardCharsets.UTF_8))),
              new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))));
    }
  }

  private static String text(WasiHttp.Response r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  private static Optional<String> header(WasiHttp.Response r, String name) {
    return r.headers().stream()
        .filter(h -> h.name().equals(name))
        .map(h -> new String(h.value(), StandardCharsets.UTF_8))
        .findFirst();
  }

  @Test
  void aJavaScriptComponentAnswersARequest() {
    WasiHttp.Response r = request("GET", "/hello?x=1", "");
    assertEquals(200, r.status());
    assertEquals("hello from js: GET /hello?x=1 body=", text(r));
    assertEquals(Optional.of("js"), header(r, "x-served-by"));
  }

  @Test
  void itReadsTheRequestBodyAndSetsTheStatus() {
    WasiHttp.Response r = request("POST", "/echo", "a body ü");
    assertEquals("hello from js: POST /echo body=a body ü", text(r));
    assertEquals(404, request("GET", "/missing", "").status());
  }

  @Test
  void outboundRequestsGoWhereTheHostAllowsAndNowhereElse() throws IOException {
    HttpServer peer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    peer.createContext(
        "/",
        x -> {
          byte[] answer = ("peer saw " + x.getRequestURI()).getBytes(StandardCharsets.UTF_8);
          x.sendResponseHeaders(201, answer.length);
          x.getResponseBody().write(answer);
          x.close();
        });
    peer.start();
    try {
      int port = peer.getAddress().getPort();
      String target = "http://127.0.0.1:" + port + "/data?q=1";
      String path = "/fetch?url=" + java.net.URLEncoder.encode(target, StandardCharsets.UTF_8);
      WasiHttp.Response allowed =
          request(
              "GET", path, "", uri -> uri.getHost().equals("127.0.0.1") && uri.getPort() == port);
      assertEquals("fetched 201: peer saw /data?q=1", text(allowed));
      WasiHttp.Response denied = request("GET", path, "", uri -> false);
      assertEquals(502, denied.status(), text(denied));
      assertTrue(text(denied).startsWith("fetch failed"), text(denied));
    } finally {
      peer.stop(0);
    }
  }

  @Test
  void aComponentWithoutAnIncomingHandlerIsRefused() throws IOException {
    ComponentLinker linker = ComponentLinker.create();
    WasiPreview2 wasi = WasiPreview2.create(WasiConfig.defaults());
    wasi.addTo(linker);
    ComponentInstance cli =
        linker.instantiate(Store.create(Engine.create()), ComponentRunTest.hello());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            WasiHttp.handle(
                cli,
                new WasiHttp.Request(
                    "GET", "/", "http", "h", List.of(), new ByteArrayInputStream(new byte[0]))));
  }
}
