package dev.cortado.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.wasm.GlobalType;
import dev.cortado.wasm.ValType;
import org.junit.jupiter.api.Test;

class LinkerTest {
  private final Engine engine = Engine.create();
  private final Store store = Store.create(engine);

  @Test
  void aMissingImportIsUnlinkableAndNamed() {
    Module m = Module.compileText(engine, "(module (import \"env\" \"f\" (func)))");
    UnlinkableException e =
        assertThrows(UnlinkableException.class, () -> Linker.create().instantiate(store, m));
    assertTrue(e.getMessage().contains("import \"env\" \"f\""), e.getMessage());
    assertTrue(e.getMessage().contains("no module \"env\" is defined"), e.getMessage());
  }

  @Test
  void anImportOfTheWrongTypeIsUnlinkableWithBothTypes() {
    Linker linker = Linker.create();
    linker.define(
        "env", "g", Global.create(store, new GlobalType(ValType.I64, false), WasmValue.i64(1)));
    Module m = Module.compileText(engine, "(module (import \"env\" \"g\" (global i32)))");
    UnlinkableException e =
        assertThrows(UnlinkableException.class, () -> linker.instantiate(store, m));
    assertTrue(e.getMessage().contains("expected global i32, found global i64"), e.getMessage());
  }

  @Test
  void importsGivenByPositionNeedNoLinker() {
    Module m =
        Module.compileText(
            engine,
            """
            (module
              (import "a" "x" (global $x i32))
              (import "b" "y" (global $y i32))
              (func (export "diff") (result i32) (i32.sub (global.get $x) (global.get $y))))
            """);
    Global ten = Global.create(store, new GlobalType(ValType.I32, false), WasmValue.i32(10));
    Global three = Global.create(store, new GlobalType(ValType.I32, false), WasmValue.i32(3));
    Instance i = Instance.create(store, m, java.util.List.of(ten, three));
    assertEquals(WasmValue.i32(7), i.func("diff").orElseThrow().call().get(0));
    IllegalArgumentException count =
        assertThrows(
            IllegalArgumentException.class,
            () -> Instance.create(store, m, java.util.List.of(ten)));
    assertTrue(count.getMessage().contains("2 imports; 1 were given"), count.getMessage());
    Global wide = Global.create(store, new GlobalType(ValType.I64, false), WasmValue.i64(1));
    UnlinkableException e =
        assertThrows(
            UnlinkableException.class,
            () -> Instance.create(store, m, java.util.List.of(ten, wide)));
    assertTrue(e.getMessage().contains("import \"b\" \"y\""), e.getMessage());
  }

  @Test
  void instancesShareExportsThroughTheLinker() {
    Linker linker = Linker.create();
    Instance a =
        linker.instantiate(
            store,
            Module.compileText(
                engine,
                "(module (memory (export \"mem\") 1) (global (export \"g\") (mut i32) (i32.const 7)))"));
    linker.define("a", a);
    Instance b =
        linker.instantiate(
            store,
            Module.compileText(
                engine,
                """
                (module
                  (import "a" "mem" (memory 1))
                  (import "a" "g" (global $g (mut i32)))
                  (func (export "bump") (result i32)
                    (global.set $g (i32.add (global.get $g) (i32.const 1)))
                    (i32.store (i32.const 0) (global.get $g))
                    (global.get $g)))
                """));
    assertEquals(8, b.func("bump").orElseThrow().asIntSupplier().getAsInt());
    assertEquals(8, a.memory("mem").orElseThrow().readInt(0));
    assertEquals(WasmValue.i32(8), a.global("g").orElseThrow().get());
  }

  @Test
  void externsOfAnotherStoreCannotBeImported() {
    Store other = Store.create(engine);
    Linker linker = Linker.create();
    linker.define(
        "env", "g", Global.create(other, new GlobalType(ValType.I32, false), WasmValue.i32(1)));
    Module m = Module.compileText(engine, "(module (import \"env\" \"g\" (global i32)))");
    UnlinkableException e =
        assertThrows(UnlinkableException.class, () -> linker.instantiate(store, m));
    assertTrue(e.getMessage().contains("another store"), e.getMessage());
  }

  @Test
  void aTrapInTheStartFunctionIsThrownAsTheTrap() {
    Module m = Module.compileText(engine, "(module (func $s unreachable) (start $s))");
    Trap t = assertThrows(Trap.class, () -> Linker.create().instantiate(store, m));
    assertEquals(TrapKind.UNREACHABLE, t.kind());
  }
}
