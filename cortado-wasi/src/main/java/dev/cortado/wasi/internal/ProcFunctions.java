package dev.cortado.wasi.internal;

import dev.cortado.wasi.WasiExitException;
import dev.cortado.wasm.FuncType;
import java.util.List;

/** {@code proc_exit}, {@code proc_raise} and {@code sched_yield}. */
final class ProcFunctions {
  private ProcFunctions() {}

  static void define(Definer d, WasiContext ctx) {
    // proc_exit does not return: it ends the program with its code.
    d.linker()
        .define(
            Abi.MODULE,
            "proc_exit",
            FuncType.of(Definer.types("i"), List.of()),
            (caller, args, results) -> {
              throw new WasiExitException(args.i32(0));
            });
    // Signals have no meaning here; wasmtime and wazero answer the same.
    d.define("proc_raise", "i", (caller, a) -> Errno.NOSYS);
    d.define(
        "sched_yield",
        "",
        (caller, a) -> {
          Thread.yield();
          return Errno.SUCCESS;
        });
  }
}
