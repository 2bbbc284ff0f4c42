package dev.cortado.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.wasm.InvalidException;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.binary.ModuleDecoder;
import dev.cortado.wasm.binary.ModuleEncoder;
import dev.cortado.wasm.text.TextParser;
import dev.cortado.wasm.text.TextPrinter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tables whose elements start as an initializer expression's value (Wasm 3.0). */
class TableInitializerTest {
  private static final String WAT =
      """
      (module
        (import "env" "f" (global $imported funcref))
        (table $a 3 funcref (ref.func $seven))
        (table $b 2 funcref (global.get $imported))
        (table $c 2 funcref)
        (func $seven (result i32) (i32.const 7))
        (func (export "call") (param i32) (result i32)
          (call_indirect $a (result i32) (local.get 0)))
        (func (export "filled") (result i32) (ref.is_null (table.get $b (i32.const 1))))
        (func (export "null") (result i32) (ref.is_null (table.get $c (i32.const 0)))))
      """;

  @Test
  void everyElementStartsAsTheExpressionsValue() {
    for (ExecutionEngine kind : List.of(ExecutionEngine.INTERPRETER, ExecutionEngine.AUTO)) {
      Engine engine =
          Engine.create(EngineConfig.defaults().withExecutionEngine(kind).withoutCodeCache());
      Module m = Module.compileText(engine, WAT);
      Store store = Store.create(engine);
      Instance env =
          Linker.create()
              .instantiate(
                  store,
                  Module.compileText(
                      engine, "(module (func $g) (global (export \"f\") funcref (ref.func $g)))"));
      Instance i = Linker.create().define("env", env).instantiate(store, m);
      for (int k = 0; k < 3; k++) {
        assertEquals(
            List.of(WasmValue.i32(7)), i.func("call").orElseThrow().call(WasmValue.i32(k)));
      }
      assertEquals(List.of(WasmValue.i32(1)), i.func("null").orElseThrow().call());
      assertEquals(List.of(WasmValue.i32(0)), i.func("filled").orElseThrow().call());
    }
  }

  @Test
  void theInitializerSurvivesTheBinaryAndTheTextFormat() {
    WasmModule parsed = TextParser.parseModule(WAT);
    assertEquals(parsed, ModuleDecoder.decode(ModuleEncoder.encode(parsed)));
    String printed = TextPrinter.print(parsed);
    assertTrue(printed.contains("funcref (ref.func"), printed);
    assertEquals(parsed.tableInit(0), TextParser.parseModule(printed).tableInit(0));
  }

  @Test
  void anInitializerMayReadOnlyImportedGlobals() {
    String wat = "(module (global $g funcref (ref.null func)) (table 1 funcref (global.get $g)))";
    InvalidException e =
        assertThrows(InvalidException.class, () -> Module.compileText(Engine.create(), wat));
    assertTrue(e.getMessage().contains("unknown global"), e.getMessage());
  }
}
