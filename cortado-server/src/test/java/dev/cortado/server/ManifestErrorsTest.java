package dev.cortado.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every bad manifest is refused with the file, the line and the key of the problem. */
class ManifestErrorsTest {
  @TempDir Path dir;

  static final String HEAD =
      """
      spin_manifest_version = 2
      [application]
      name = "bad"
      """;

  static final String GOOD_TRIGGER =
      """
      [[trigger.http]]
      route = "/..."
      component = "hello"
      executor = { type = "wagi" }
      [component.hello]
      source = "hello.wasm"
      """;

  private ManifestException error(String toml) throws IOException {
    Files.copy(TestApps.wasm("hello"), dir.resolve("hello.wasm"));
    Path file = Files.writeString(dir.resolve("spin.toml"), toml);
    return assertThrows(ManifestException.class, () -> Manifest.read(file));
  }

  /** Each row: the manifest (\n for line breaks), the line, the key, a word of the message. */
  @ParameterizedTest(name = "{1}: {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          spin_manifest_version = 2\\n[application]\\nname = "x"\\ncolour = "red"\\n | 4 | application.colour | unknown key
          spin_manifest_version = 1\\n | 1 | spin_manifest_version | must be 2
          [application]\\nname = "x"\\n | 0 | spin_manifest_version | missing
          spin_manifest_version = 2\\n[application]\\nname = 3\\n | 3 | application.name | must be a string
          spin_manifest_version = 2\\n[application]\\nname = "x"\\n[[trigger.http]]\\nroute = "hello"\\ncomponent = "c"\\n | 5 | trigger.http[0].route | starts with '/'
          spin_manifest_version = 2\\n[application]\\nname = "x"\\n[[trigger.http]]\\nroute = "/a/.../b"\\ncomponent = "c"\\n | 5 | trigger.http[0].route | may only end
          spin_manifest_version = 2\\n[application]\\nname = "x"\\n[[trigger.http]]\\nroute = "/a"\\ncomponent = "nope"\\n | 6 | trigger.http[0].component | no component "nope"
          spin_manifest_version = 2\\n[application]\\nname = "x"\\n[[trigger.http]]\\nroute = "/a"\\ncomponent = "hello"\\nexecutor = { type = "cgi" }\\n[component.hello]\\nsource = "hello.wasm"\\n | 7 | trigger.http[0].executor.type | unknown executor
          spin_manifest_version = 2\\n[application]\\nname = "x"\\n[variables]\\nport = { default = "1", required = true }\\n | 5 | variables.port.required | not required
          spin_manifest_version = 2\\n[application]\\nname = "x"\\n[variables]\\nPort = { default = "1" }\\n | 5 | variables.Port | variable name
          spin_manifest_version = 2\\n[application]\\nname = "x"\\n[component.hello]\\nsource = "missing.wasm"\\n | 5 | component.hello.source | no such file
          spin_manifest_version = 2\\n[application]\\nname = "x"\\n[component.hello]\\nsource = "hello.wasm"\\nvariables = { a = "{{ nope }}" }\\n | 6 | component.hello.variables | nope
          spin_manifest_version = 2\\n[application]\\nname = "x"\\n[component.hello]\\nsource = "hello.wasm"\\nallowed_outbound_hosts = ["example.com"]\\n | 6 | component.hello.allowed_outbound_hosts | scheme://host
          spin_manifest_version = 2\\n[application]\\nname = "x"\\n[component.hello]\\nsource = "hello.wasm"\\nallowed_outbound_hosts = ["https://example.com:9..3"]\\n | 6 | component.hello.allowed_outbound_hosts | port range
          spin_manifest_version = 2\\n[application]\\nname = "x"\\n[component.hello]\\nsource = "hello.wasm"\\nkey_value_stores = ["../up"]\\n | 6 | component.hello.key_value_stores | not a store label
          spin_manifest_version = 2\\n[application]\\nname = "x"\\n[component.hello]\\nsource = "hello.wasm"\\nsqlite_databases = ["default"]\\n | 6 | component.hello.sqlite_databases | not supported yet
          spin_manifest_version = 2\\n[application]\\nname = "x"\\n[component.hello]\\nsource = { url = "ftp://example.com/a.wasm", digest = "sha256:0000000000000000000000000000000000000000000000000000000000000000" }\\n | 5 | component.hello.source.url | must be a file:, http: or https: URL
          spin_manifest_version = 2\\n[application]\\nname = "x"\\n[component.hello]\\nsource = "hello.wasm"\\nfiles = [{ source = "assets", destination = "/a" }]\\n | 6 | component.hello.files[0].source | no such file
          spin_manifest_version = 2\\n[application]\\nname = "x"\\nnot toml at all = \\n | 4 | '' | not valid TOML
          spin_manifest_version = 2\\n[application]\\nname = "x"\\n[[trigger.http]]\\nroute = "/s"\\nstatic_response = { status_code = 101 }\\n | 6 | trigger.http[0].static_response.status_code | 200 to 599
          spin_manifest_version = 2\\n[application]\\nname = "x"\\n[[trigger.http]]\\nroute = "/s"\\nstatic_response = { headers = { "x bad" = "1" } }\\n | 6 | trigger.http[0].static_response.headers."x bad" | not a header name
          spin_manifest_version = 2\\n[application]\\nname = "x"\\n[[trigger.http]]\\nroute = "/s"\\nstatic_response = { headers = { x-a = "1\\u0001" } }\\n | 6 | trigger.http[0].static_response.headers.x-a | control character
          """)
  void namesFileLineAndKey(String toml, int line, String key, String words) throws IOException {
    ManifestException e = error(toml.replace("\\n", "\n"));
    assertEquals(dir.resolve("spin.toml"), e.file());
    assertEquals(line, e.line(), e.getMessage());
    assertEquals(key, e.key(), e.getMessage());
    assertTrue(e.getMessage().contains(words), e.getMessage());
    assertTrue(
        e.getMessage().startsWith(dir.resolve("spin.toml") + (line > 0 ? ":" + line + ": " : ": ")),
        e.getMessage());
  }

  @Test
  void aPathTheFileSystemCannotHoldIsRefusedAtItsKey() throws IOException {
    // Found by ManifestFuzzTest: a NUL character made an InvalidPathException escape.
    ManifestException e =
        error(
            HEAD
                + """
                [[trigger.http]]
                route = "/..."
                component = "hello"
                [component.hello]
                source = "hel\\u0000lo.wasm"
                """);
    assertTrue(e.getMessage().contains("spin.toml:8: component.hello.source"), e.getMessage());
    assertTrue(e.getMessage().contains("\"hel\\u0000lo.wasm\" is not a path"), e.getMessage());
  }

  @Test
  void duplicateRoutesNameBothLines() throws IOException {
    ManifestException e =
        error(
            HEAD
                + GOOD_TRIGGER
                + """
                [[trigger.http]]
                route = "/..."
                component = "hello"
                """);
    assertEquals(11, e.line(), e.getMessage());
    assertTrue(
        e.getMessage().contains("duplicate route \"/...\" (also on line 5)"), e.getMessage());
  }

  @Test
  void requiredVariableWithoutValueIsRefusedBeforeListening() throws IOException {
    Files.copy(TestApps.wasm("hello"), dir.resolve("hello.wasm"));
    Path file =
        Files.writeString(
            dir.resolve("spin.toml"),
            HEAD + "[variables]\ntoken = { required = true }\n" + GOOD_TRIGGER);
    Manifest m = Manifest.read(file);
    ManifestException e =
        assertThrows(
            ManifestException.class,
            () ->
                WasmServer.start(
                    m, TestApps.config(new TestApps.KeptLog()).withVariableSource(Map.of())));
    assertTrue(e.getMessage().contains("SPIN_VARIABLE_TOKEN"), e.getMessage());
    assertEquals("variables.token", e.key());
    assertEquals(5, e.line(), e.getMessage());
  }
}
