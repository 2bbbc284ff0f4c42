package dev.cortado.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.wasm.Names;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.binary.ModuleDecoder;
import dev.cortado.wasm.binary.ModuleEncoder;
import dev.cortado.wasm.text.TextParser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrapTest {
  private final Engine engine = Engine.create();
  private final Store store = Store.create(engine);

  /** A binary with a name section: main calls helper, which divides by its argument. */
  private Instance namedModule() {
    WasmModule parsed =
        TextParser.parseModule(
            """
            (module
              (func $helper (param i32) (result i32) (i32.div_u (i32.const 10) (local.get 0)))
              (func $main (export "main") (param i32) (result i32)
                (i32.add (i32.const 1) (call $helper (local.get 0)))))
            """);
    WasmModule named =
        parsed.toBuilder()
            .names(new Names(Optional.of("calc"), Map.of(0, "helper", 1, "main"), Map.of()))
            .build();
    byte[] binary = ModuleEncoder.encode(named);
    return Linker.create().instantiate(store, Module.compile(engine, ModuleDecoder.decode(binary)));
  }

  @Test
  void carriesTheKindAndTheWasmStackTraceWithNames() {
    Func main = namedModule().func("main").orElseThrow();
    Trap t = assertThrows(Trap.class, () -> main.call(WasmValue.i32(0)));
    assertEquals(TrapKind.INTEGER_DIVIDE_BY_ZERO, t.kind());
    List<WasmStackFrame> frames = t.wasmStackTrace();
    assertEquals(2, frames.size());
    assertEquals("helper", frames.get(0).functionName());
    assertEquals("main", frames.get(1).functionName());
    assertEquals("calc", frames.get(0).moduleName());
    assertTrue(frames.get(0).offset() > 8, "a byte offset in the binary");
    assertTrue(t.getMessage().startsWith("trap: integer divide by zero, at calc!helper @ 0x"));
    assertTrue(t.describe().contains("    at calc!main @ 0x"), t.describe());
  }

  @Test
  void theModuleStillWorksAfterATrap() {
    Func main = namedModule().func("main").orElseThrow();
    assertThrows(Trap.class, () -> main.call(WasmValue.i32(0)));
    assertEquals(List.of(WasmValue.i32(6)), main.call(WasmValue.i32(2)));
  }

  @Test
  void namesFramesByIndexWithoutANameSection() {
    Instance i =
        Linker.create()
            .instantiate(
                store, Module.compileText(engine, "(module (func (export \"f\") unreachable))"));
    Trap t = assertThrows(Trap.class, () -> i.func("f").orElseThrow().call());
    assertEquals(TrapKind.UNREACHABLE, t.kind());
    assertEquals("function[0]", t.wasmStackTrace().get(0).toString().split(" ")[0]);
  }
}
