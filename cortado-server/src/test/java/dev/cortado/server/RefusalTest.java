package dev.cortado.server;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What cannot be served is refused before listening, with a message saying why. */
class RefusalTest {
  @TempDir Path dir;

  private String refusal(Manifest manifest) {
    return assertThrows(
            ServeException.class,
            () -> WasmServer.start(manifest, TestApps.config(new TestApps.KeptLog())))
        .getMessage();
  }

  @Test
  void aComponentWithoutAnIncomingHandlerIsRefused() throws IOException {
    // A component's header: magic, version 0x0d, layer 1; then an empty custom section.
    Path component =
        Files.write(
            dir.resolve("http.wasm"), new byte[] {0, 'a', 's', 'm', 0x0d, 0, 1, 0, 0, 2, 1, 'x'});
    String m = refusal(Manifest.forModule(component));
    assertTrue(m.contains("exports no wasi:http/incoming-handler@0.2.x"), m);
    assertTrue(m.contains("it exports: nothing"), m);
  }

  @Test
  void aComponentImportingWhatNoHostGivesIsRefusedBeforeListening() {
    String m = refusal(Manifest.forModule(TestApps.component("unlinkable")));
    assertTrue(m.startsWith("component \"unlinkable\" cannot be served: "), m);
    assertTrue(m.contains("cortado:missing/thing@1.0.0"), m);
  }

  /** Returns the refusal of hello.wasm served on /... with {@code executor} and {@code source}. */
  private String refusalOfHello(String executor, String source) throws IOException {
    Files.copy(TestApps.wasm("hello"), dir.resolve("hello.wasm"));
    Path file =
        Files.writeString(
            dir.resolve("spin.toml"),
            """
            spin_manifest_version = 2
            [application]
            name = "x"
            [[trigger.http]]
            route = "/..."
            component = "hello"
            %s
            [component.hello]
            source = %s
            """
                .formatted(executor, source));
    return refusal(Manifest.read(file));
  }

  @Test
  void spinExecutorIsRefusedForACoreModule() throws IOException {
    String m = refusalOfHello("", "\"hello.wasm\"");
    assertTrue(m.contains("executor = { type = \"wagi\" }"), m);
  }

  @Test
  void moduleImportingOtherThanWasiIsRefused() throws IOException {
    Path wat =
        Files.writeString(
            dir.resolve("env.wat"),
            "(module (import \"env\" \"f\" (func)) (func (export \"_start\")))");
    String m = refusal(Manifest.forModule(wat));
    assertTrue(m.contains("imports \"env\" \"f\""), m);
  }

  @Test
  void missingEntrypointIsRefused() throws IOException {
    Path wat = Files.writeString(dir.resolve("lib.wat"), "(module (func (export \"run\")))");
    String m = refusal(Manifest.forModule(wat));
    assertTrue(m.contains("exports no function \"_start\""), m);
  }

  @Test
  void digestMismatchIsRefused() throws IOException {
    String m =
        refusalOfHello(
            "executor = { type = \"wagi\" }",
            "{ url = \"%s\", digest = \"sha256:%s\" }"
                .formatted(dir.resolve("hello.wasm").toUri(), "ab".repeat(32)));
    assertTrue(m.contains("not the manifest's digest"), m);
  }

  @Test
  void addressInUseIsRefusedInWords() {
    TestApps.KeptLog log = new TestApps.KeptLog();
    try (WasmServer first =
        WasmServer.start(Manifest.forModule(TestApps.wasm("hello")), TestApps.config(log))) {
      String m =
          assertThrows(
                  ServeException.class,
                  () ->
                      WasmServer.start(
                          Manifest.forModule(TestApps.wasm("hello")),
                          TestApps.config(log)
                              .withListen(
                                  new java.net.InetSocketAddress(
                                      "127.0.0.1", first.uri().getPort()))))
              .getMessage();
      assertTrue(m.startsWith("cannot listen on 127.0.0.1:" + first.uri().getPort()), m);
      assertTrue(m.contains("the address is in use"), m);
    }
  }
}
