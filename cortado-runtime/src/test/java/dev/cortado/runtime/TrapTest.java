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

  private Instance binary(String wat, Map<Integer, String> functionNames) {
    WasmModule named =
        TextParser.parseModule(wat).toBuilder()
            .names(new Names(Optional.empty(), functionNames, Map.of()))
            .build();
    return Linker.create()
        .instantiate(
            store, Module.compile(engine, ModuleDecoder.decode(ModuleEncoder.encode(named))));
  }

  @Test
  void describesInfiniteRecursionInAFewLinesWithTheRepeatedFrameFolded() {
    Instance i =
        binary(
            "(module (func $f (call $f)) (func (export \"main\") (call $f)))",
            Map.of(0, "f", 1, "main"));
    Trap t = assertThrows(Trap.class, () -> i.func("main").orElseThrow().call());
    int depth = t.wasmStackTrace().size();
    assertTrue(depth > 1000, "a deep stack: " + depth);
    List<String> lines = t.describe().lines().toList();
    assertTrue(lines.size() <= 4, t.describe());
    assertTrue(t.describe().length() < 400, t.describe());
    String fold = String.format("  [repeated %,d times]", depth - 1);
    assertTrue(
        lines.stream().anyMatch(l -> l.startsWith("    at f @ 0x") && l.endsWith(fold)),
        t.describe());
    assertTrue(lines.get(lines.size() - 1).startsWith("    at main @ 0x"), t.describe());
    assertEquals(depth + 1, t.describeEveryFrame().lines().count());
  }

  @Test
  void foldsMutualRecursionAsACycleOfFrames() {
    Instance i =
        binary(
            "(module (func $f (call $g)) (func $g (call $f)) (func (export \"main\") (call $f)))",
            Map.of(0, "f", 1, "g", 2, "main"));
    Trap t = assertThrows(Trap.class, () -> i.func("main").orElseThrow().call());
    List<String> lines = t.describe().lines().toList();
    assertTrue(lines.size() <= 6, t.describe());
    assertTrue(
        lines.stream()
            .anyMatch(l -> l.matches("    \\[the 2 frames above repeated [0-9,]+ times]")),
        t.describe());
  }

  @Test
  void boundsADeepTraceWithoutRepetitions() {
    // The call site alternates with the parity of popcount(n): the Thue-Morse sequence, which no
    // cycle of frames folds for long.
    Instance i =
        binary(
            """
            (module
              (func $f (param i32)
                (if (i32.and (i32.popcnt (local.get 0)) (i32.const 1))
                  (then (call $f (i32.add (local.get 0) (i32.const 1))))
                  (else (call $f (i32.add (local.get 0) (i32.const 1))))))
              (func (export "main") (call $f (i32.const 0))))
            """,
            Map.of(0, "f", 1, "main"));
    Trap t = assertThrows(Trap.class, () -> i.func("main").orElseThrow().call());
    String text = t.describe();
    assertTrue(text.lines().count() < 60, text);
    assertTrue(text.matches("(?s).*\\n    \\.\\.\\. [0-9,]+ frames omitted \\.\\.\\.\\n.*"), text);
    assertTrue(text.lines().reduce((a, b) -> b).orElseThrow().startsWith("    at main @ 0x"), text);
  }
}
