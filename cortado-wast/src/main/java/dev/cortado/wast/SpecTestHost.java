package dev.cortado.wast;

import dev.cortado.runtime.Global;
import dev.cortado.runtime.Linker;
import dev.cortado.runtime.Memory;
import dev.cortado.runtime.Store;
import dev.cortado.runtime.Table;
import dev.cortado.runtime.WasmValue;
import dev.cortado.wasm.AddressType;
import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.GlobalType;
import dev.cortado.wasm.Limits;
import dev.cortado.wasm.MemoryType;
import dev.cortado.wasm.RefType;
import dev.cortado.wasm.TableType;
import dev.cortado.wasm.ValType;
import java.util.List;

/**
 * The {@code spectest} module the spec's scripts import: print functions that do nothing, a table,
 * a memory and four globals.
 *
 * @see <a href="https://github.com/WebAssembly/spec/tree/main/interpreter#spectest-host-module">
 *     spectest host module</a>
 */
final class SpecTestHost {
  private SpecTestHost() {}

  /**
   * Defines {@code spectest} in {@code linker}, with its memory, table and globals in {@code
   * store}.
   */
  static void define(Linker linker, Store store) {
    String m = "spectest";
    print(linker, "print");
    print(linker, "print_i32", ValType.I32);
    print(linker, "print_i64", ValType.I64);
    print(linker, "print_f32", ValType.F32);
    print(linker, "print_f64", ValType.F64);
    print(linker, "print_i32_f32", ValType.I32, ValType.F32);
    print(linker, "print_f64_f64", ValType.F64, ValType.F64);
    linker.define(
        m,
        "global_i32",
        Global.create(store, new GlobalType(ValType.I32, false), WasmValue.i32(666)));
    linker.define(
        m,
        "global_i64",
        Global.create(store, new GlobalType(ValType.I64, false), WasmValue.i64(666)));
    linker.define(
        m,
        "global_f32",
        Global.create(store, new GlobalType(ValType.F32, false), WasmValue.f32(666.6f)));
    linker.define(
        m,
        "global_f64",
        Global.create(store, new GlobalType(ValType.F64, false), WasmValue.f64(666.6)));
    linker.define(
        m,
        "table",
        Table.create(
            store,
            new TableType(RefType.FUNCREF, Limits.of(10, 20)),
            WasmValue.nullRef(RefType.FUNCREF)));
    linker.define(
        m,
        "table64",
        Table.create(
            store,
            new TableType(RefType.FUNCREF, Limits.of(10, 20), AddressType.I64),
            WasmValue.nullRef(RefType.FUNCREF)));
    linker.define(m, "memory", Memory.create(store, new MemoryType(Limits.of(1, 2))));
    linker.define(
        m,
        "shared_memory",
        Memory.create(store, new MemoryType(Limits.of(1, 2), AddressType.I32, true)));
  }

  private static void print(Linker linker, String name, ValType... params) {
    linker.define(
        "spectest", name, FuncType.of(List.of(params), List.of()), (caller, args, results) -> {});
  }
}
