package dev.cortado.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.Store;
import dev.cortado.wasi.WasiConfig;
import dev.cortado.wasm.Bytes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
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
    ComponentLinker linker = ComponentLinker.create();
    try (WasiPreview2 wasi = WasiPreview2.create(WasiConfig.defaults())) {
      wasi.addTo(linker);
      WasiHttp.addTo(linker);
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
