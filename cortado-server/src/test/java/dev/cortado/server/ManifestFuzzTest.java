package dev.cortado.server;

import static org.junit.jupiter.api.Assertions.fail;

import dev.cortado.wasm.testing.TextMutations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
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

  private static final String[] PIECES = {
    "[",
    "]",
    "[[",
    "]]",
    "{",
    "}",
    "=",
    "\"",
    "'",
    "'''",
    "\"\"\"",
    ",",
    ".",
    "\n",
    "#",
    "\\",
    "\\u0000",
    "-1",
    "99999999999999999999",
    "1e400",
    "true",
    "inf",
    "nan",
    "1979-05-27T07:32:00Z",
    "{{",
    "}}",
    "/...",
    ":",
    "*",
    "..",
    "../",
    "route",
    "component",
    "source",
    "files",
    "{ url ="
  };

  @Test
  void mutatedManifestsAreReadOrRefusedByName() throws Exception {
    Files.copy(TestApps.wasm("hello"), dir.resolve("hello.wasm"));
    Files.writeString(dir.resolve("a.txt"), "a");
    Files.createDirectories(dir.resolve("assets"));
    Path file = dir.resolve("spin.toml");
    Manifest.read(Files.writeString(file, SEED)); // the seed itself is a good manifest
    Random random = new Random(Long.getLong("cortado.fuzz.seed", 5));
    int tries = Integer.getInteger("cortado.fuzz.count", 3_000);
    for (int i = 0; i < tries; i++) {
      String text = TextMutations.mutate(SEED, random, PIECES);
      Files.writeString(file, text);
      long start = System.nanoTime();
      try {
        Manifest.read(file);
      } catch (ManifestException e) {
        // What a bad manifest gives.
      } catch (AssertionError e) {
        // The TOML library asserts what it then reports when assertions are off, as they are
        // outside tests ("f\\uzz": "not valid TOML: Invalid unicode escape sequence"); any other
        // assertion is ours, and fails.
        if (e.getStackTrace().length == 0
            || !e.getStackTrace()[0].getClassName().startsWith("org.tomlj.")) {
          fail("unexpected " + e + " for:\n" + text, e);
        }
      } catch (Throwable t) {
        fail("unexpected " + t + " for:\n" + text, t);
      }
      if (System.nanoTime() - start > 5_000_000_000L) {
        fail("took more than 5 s for:\n" + text);
      }
    }
  }
}
