package dev.cortado.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cortado.wasm.Bytes;
import dev.cortado.wasm.MalformedException;
import dev.cortado.wasm.binary.ModuleEncoder;
import dev.cortado.wasm.text.TextParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidationRecordTest {
  @TempDir Path cache;

  /** A module of more than 1 MiB (a custom section pads it), large enough to be recorded. */
  private static byte[] large(String wat) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(ModuleEncoder.encode(TextParser.parseModule(wat)));
    int padding = 1 << 20;
    b.writeBytes(new byte[] {0, (byte) 0x84, (byte) 0x80, (byte) 0xc0, 0, 3, 'p', 'a', 'd'});
    b.writeBytes(new byte[padding]);
    return b.toByteArray();
  }

  private Engine engine() {
    return Engine.create(
        EngineConfig.defaults()
            .withExecutionEngine(ExecutionEngine.INTERPRETER)
            .withCodeCache(cache));
  }

  private long records() throws IOException {
    Path dir = cache.resolve("validated");
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.count();
    }
  }

  @Test
  void recordsAValidatedBinaryAndNextTimeValidatesItsFunctionsOnFirstCall() throws IOException {
    byte[] binary =
        large(
            """
            (module (func (export "add") (param i32 i32) (result i32)
              (i32.add (local.get 0) (local.get 1))))
            """);
    for (int run = 0; run < 2; run++) {
      Engine engine = engine();
      Module m = Module.compile(engine, Bytes.of(binary));
      assertEquals(1, records());
      Instance i = Linker.create().instantiate(Store.create(engine), m);
      assertEquals(
          List.of(WasmValue.i32(5)),
          i.func("add").orElseThrow().call(WasmValue.i32(2), WasmValue.i32(3)));
    }
  }

  @Test
  void reportsAMalformedBinaryAsAFullDecodeDoesAndRecordsNothing() throws IOException {
    byte[] binary = large("(module (func (export \"f\") nop))");
    // The body's nop (0x01) becomes an else (0x05) outside any if.
    int at = indexOf(binary, new byte[] {0x0a, 0x05, 0x01, 0x03, 0x00, 0x01, 0x0b}) + 5;
    binary[at] = 0x05;
    // The padding's length now claims one byte more than there is: a later problem.
    binary[binary.length - (1 << 20) - 8] = (byte) 0x85;
    byte[] malformed = binary;
    MalformedException e =
        assertThrows(MalformedException.class, () -> Module.compile(engine(), Bytes.of(malformed)));
    assertEquals("else without matching if", e.problem());
    assertEquals(0, records());
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int k = 0; k < needle.length; k++) {
        if (haystack[i + k] != needle[k]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }
}
