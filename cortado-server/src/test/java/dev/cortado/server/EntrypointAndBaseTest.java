package dev.cortado.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A WAGI entrypoint other than _start, a module in the text format, and an application base. */
class EntrypointAndBaseTest {
  /** Writes a CGI response with fd_write from its export "serve"; it has no _start. */
  static final String MODULE =
      """
      (module
        (import "wasi_snapshot_preview1" "fd_write"
          (func $write (param i32 i32 i32 i32) (result i32)))
        (memory (export "memory") 1)
        (data (i32.const 16) "Content-Type: text/plain\\n\\ncustom entry\\n")
        (func (export "serve")
          (i32.store (i32.const 0) (i32.const 16))
          (i32.store (i32.const 4) (i32.const 39))
          (drop (call $write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))))
      """;

  @Test
  void customEntrypointOfATextModuleUnderABasePath(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("custom.wat"), MODULE);
    Path manifest =
        Files.writeString(
            dir.resolve("spin.toml"),
            """
            spin_manifest_version = 2
            [application]
            name = "based"
            [application.trigger.http]
            base = "/base"
            [[trigger.http]]
            route = "/run/..."
            component = "custom"
            executor = { type = "wagi", entrypoint = "serve" }
            [component.custom]
            source = "custom.wat"
            """);
    try (WasmServer server =
        WasmServer.start(Manifest.read(manifest), TestApps.config(new TestApps.KeptLog()))) {
      HttpResponse<String> r = TestApps.get(server, "/base/run/x");
      assertEquals(200, r.statusCode(), r.body());
      assertEquals("custom entry\n", r.body());
      assertEquals(404, TestApps.get(server, "/run/x").statusCode(), "outside the base path");
      assertEquals(
          java.util.List.of("/base/run/..."), java.util.List.copyOf(server.routes().keySet()));
    }
  }
}
