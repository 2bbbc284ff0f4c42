package dev.cortado.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.oci.testing.BindleServerDouble;
import dev.cortado.oci.testing.BindleWriter;
import dev.cortado.oci.testing.ZipWriter;
import dev.cortado.wasm.binary.ModuleEncoder;
import dev.cortado.wasm.text.TextParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cortado serve} of bindles and Suborbital bundles as a user runs it: a process, HTTP. */
class CortadoBundleServeIT {
  private static final Path WAGI = CliRun.REPO.resolve("cortado-server/src/test/resources/wagi");

  @TempDir Path dir;

  private static BindleWriter hello() throws Exception {
    return new BindleWriter("example.com/hello", "1.0.0")
        .parcel(
            "hello.wasm",
            "application/wasm",
            Files.readAllBytes(WAGI.resolve("hello.wasm")),
            Map.of("route", "/hi"),
            List.of(),
            List.of());
  }

  @Test
  void servesABindleFromABindleServer() throws Exception {
    try (BindleServerDouble server = BindleServerDouble.start(dir.resolve("bindle-server"))) {
      server.publish(hello());
      String body =
          serveAndGet(
              "/hi", "bindle:example.com/hello/1.0.0", "--bindle-server", server.url().toString());
      assertEquals("Hello, world!\n", body);
    }
  }

  @Test
  void servesAStandaloneBindleFolder() throws Exception {
    Path folder = hello().writeStandalone(dir.resolve("standalone"));
    assertEquals("Hello, world!\n", serveAndGet("/hi", folder.toString()));
  }

  @Test
  void servesASuborbitalBundle() throws Exception {
    String wat =
        """
        (module
          (import "env" "return_result" (func $r (param i32 i32 i32)))
          (memory (export "memory") 1)
          (data (i32.const 0) "hi from a runnable")
          (func (export "allocate") (param i32) (result i32) i32.const 1024)
          (func (export "run_e") (param i32 i32 i32)
            (call $r (i32.const 0) (i32.const 18) (local.get 2))))
        """;
    Path zip =
        new ZipWriter()
            .file(
                "Directive.yaml",
                "identifier: com.example.hi\nappVersion: v1\natmoVersion: v0.4.7\nhandlers:\n"
                    + "  - type: request\n    resource: /hi\n    method: GET\n"
                    + "    steps:\n      - fn: hi\n")
            .file("hi.wasm", ModuleEncoder.encode(TextParser.parseModule(wat)))
            .write(dir.resolve("runnables.wasm.zip"));
    assertEquals("hi from a runnable", serveAndGet("/hi", zip.toString()));
  }

  @Test
  void aHostileBundleIsOneLineError() throws Exception {
    Path zip =
        new ZipWriter()
            .file("Directive.yaml", "identifier: x\n")
            .file("../evil.wasm", "x")
            .write(dir.resolve("evil.zip"));
    CliRun.cortado(dir, env(), "", "serve", "--listen", "127.0.0.1:0", zip.toString())
        .assertOneLineError("entry \"../evil.wasm\" is not a plain relative path");
  }

  @Test
  void aParcelNotMatchingItsLabelIsOneLineError() throws Exception {
    Path folder = hello().writeStandalone(dir.resolve("standalone"));
    try (var parcels = Files.list(folder.resolve("parcels"))) {
      Path parcel = parcels.findFirst().orElseThrow();
      byte[] bytes = Files.readAllBytes(parcel);
      bytes[bytes.length - 1] ^= 1;
      Files.write(parcel, bytes);
    }
    CliRun.cortado(dir, env(), "", "serve", "--listen", "127.0.0.1:0", folder.toString())
        .assertOneLineError("does not match its label's sha256");
  }

  private Map<String, String> env() {
    return Map.of("CORTADO_CACHE_DIR", dir.resolve("store").toString());
  }

  private String serveAndGet(String path, String... args) throws Exception {
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                CliRun.REPO.resolve("bin/cortado").toString(), "serve", "--listen", "127.0.0.1:0"));
    command.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().putAll(env());
    Process p = pb.start();
    try {
      URI uri = CortadoServeIT.awaitUri(p, out, err);
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(uri.resolve(path)).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode(), r.body());
      return r.body();
    } finally {
      p.destroy();
      assertTrue(p.waitFor(30, TimeUnit.SECONDS), "stopped after SIGTERM");
    }
  }
}
