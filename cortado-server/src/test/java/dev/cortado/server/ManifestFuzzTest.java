package dev.cortado.server;

import dev.cortado.wasm.testing.TextMutations;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds the manifest reader mutated spin.toml files that use every part of the format: whatever the
 * text, it reads a manifest or refuses it with a {@link ManifestException}, never another exception
 * or a hang.
 */
class ManifestFuzzTest {
  @TempDir Path dir;

  private static final String SEED =
      """
      spin_manifest_version = 2
      [application]
      name = "fuzz"
      version = "1.0.0"
      description = "every part"
      [application.trigger.http]
      base = "/base"
      [variables]
      port = { default = "3000" }
      token = { required = true, secret = true }
      [[trigger.http]]
      route = "/wagi/..."
      component = "hello"
      executor = { type = "wagi", argv = "${SCRIPT_NAME} -x", entrypoint = "_start" }
      [[trigger.http]]
      route = "/users/:id"
      component = "hello"
      [[trigger.http]]
      route = { private = true }
      component = "hello"
      [[trigger.http]]
      route = "/static"
      static_response = { status_code = 201, headers = { content-type = "text/plain" }, body = "hi" }
      [component.hello]
      source = "hello.wasm"
      files = ["*.txt", { source = "assets", destination = "/assets" }]
      exclude_files = ["secret.txt"]
      environment = { A = "1", B = "two" }
      variables = { greeting = "hello {{ port }}" }
      allowed_outbound_hosts = ["http://localhost:8080", "https://*.example.com:1000..2000"]
      key_value_stores = ["default", "other"]
      """;

  private static final String[] PIECES =
      TextMutations.pieces(
          TextMutations.TOML,
          "1979-05-27T07:32:00Z",
          "{{",
          "}}",
          "/...",
          ":",
          "*",
          "route",
          "component",
          "source",
          "files",
          "{ url =");

  @Test
  void mutatedManifestsAreReadOrRefusedByName() throws Exception {
    Files.copy(TestApps.wasm("hello"), dir.resolve("hello.wasm"));
    Files.writeString(dir.resolve("a.txt"), "a");
    Files.createDirectories(dir.resolve("assets"));
    Path file = dir.resolve("spin.toml");
    Manifest.read(Files.writeString(file, SEED)); // the seed itself is a good manifest
    TextMutations.fuzz(
        SEED,
        PIECES,
        5,
        3_000,
        t -> t instanceof ManifestException || TextMutations.tomlLibraryAssertion(t),
        text -> Manifest.read(Files.writeString(file, text)));
  }
}
