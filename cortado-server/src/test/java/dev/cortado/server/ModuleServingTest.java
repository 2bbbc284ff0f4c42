package dev.cortado.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.runtime.EngineConfig;
import dev.cortado.runtime.ExecutionEngine;
import dev.cortado.wasi.Preopen;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code cortado serve MODULE.wasm}: one WASI preview1 module through WAGI on every path. */
class ModuleServingTest {
  @Test
  void servesAPreview1ModuleOnEveryPath() {
    TestApps.KeptLog log = new TestApps.KeptLog();
    try (WasmServer server =
        WasmServer.start(Manifest.forModule(TestApps.wasm("hello")), TestApps.config(log))) {
      for (String path : new String[] {"/", "/a", "/a/b/c?x=1"}) {
        HttpResponse<String> r = TestApps.get(server, path);
        assertEquals(200, r.statusCode(), path);
        assertEquals("Hello, world!\n", r.body());
        assertEquals(
            "text/plain",
            r.headers().firstValue("content-type").orElseThrow(),
            r.headers().map().toString());
      }
      assertEquals(3, server.instantiations(), "a fresh instance per request");
      assertEquals(java.util.Map.of("/...", "hello (wagi)"), server.routes());
      assertTrue(
          log.info.stream()
              .anyMatch(l -> l.startsWith("GET /a/b/c 200 14 ") && l.endsWith(" hello")),
          log.info.toString());
    }
  }

  @ParameterizedTest
  @EnumSource(ExecutionEngine.class)
  void everyEngineServes(ExecutionEngine engine) {
    try (WasmServer server =
        WasmServer.start(
            Manifest.forModule(TestApps.wasm("hello")),
            TestApps.config(new TestApps.KeptLog())
                .withEngineConfig(EngineConfig.defaults().withExecutionEngine(engine)))) {
      assertEquals("Hello, world!\n", TestApps.get(server, "/").body());
      assertEquals("Hello, world!\n", TestApps.get(server, "/again").body());
    }
  }

  @Test
  void serverEnvironmentAndDirectoriesReachEveryComponent(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("shared.txt"), "shared\n");
    try (WasmServer server =
            WasmServer.start(
                Manifest.forModule(TestApps.wasm("env")),
                TestApps.config(new TestApps.KeptLog()).withEnv("FROM_SERVER", "yes"));
        WasmServer files =
            WasmServer.start(
                Manifest.forModule(TestApps.wasm("files")),
                TestApps.config(new TestApps.KeptLog())
                    .withPreopen(Preopen.readOnly(dir, "/data")))) {
      assertTrue(
          TestApps.get(server, "/").body().lines().anyMatch("FROM_SERVER=yes"::equals),
          "the server's --env");
      assertEquals("shared\n", TestApps.get(files, "/data/shared.txt").body());
    }
  }
}
