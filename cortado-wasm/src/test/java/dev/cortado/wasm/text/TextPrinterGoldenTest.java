package dev.cortado.wasm.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cortado.wasm.Names;
import dev.cortado.wasm.WasmModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The printer's output for handwritten modules ({@code text/printer/NAME.wat}) is exactly {@code
 * NAME.expected.wat}, and reads back as the same module.
 */
class TextPrinterGoldenTest {
  private static String resource(String name) throws IOException {
    try (InputStream in =
        TextPrinterGoldenTest.class.getResourceAsStream("/text/printer/" + name)) {
      if (in == null) {
        throw new IOException("missing test resource text/printer/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"control", "segments", "numeric", "constants"})
  void printsTheGoldenText(String name) throws IOException {
    WasmModule module = TextParser.parseModule(resource(name + ".wat"));
    String printed = TextPrinter.print(module);
    assertEquals(resource(name + ".expected.wat"), printed);
    assertEquals(module, TextParser.parseModule(printed));
  }

  @Test
  void namesFunctionsAndLocalsFromTheNameSection() throws IOException {
    WasmModule module =
        TextParser.parseModule(resource("control.wat")).toBuilder()
            .names(
                new Names(
                    Optional.of("demo"),
                    Map.of(0, "log", 1, "add", 2, "not an id", 3, "add"),
                    Map.of(2, Map.of(0, "x", 1, "tmp", 2, "x"), 1, Map.of(1, "b"))))
            .build();
    String printed = TextPrinter.print(module);
    assertEquals(resource("control.names.expected.wat"), printed);
    WasmModule back = TextParser.parseModule(printed);
    assertEquals(module.toBuilder().names(Names.NONE).build(), back);
  }
}
