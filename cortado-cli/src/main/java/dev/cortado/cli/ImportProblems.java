package dev.cortado.cli;

import dev.cortado.wasi.WasiThreads;
import dev.cortado.wasm.Import;
import dev.cortado.wasm.ImportDesc;
import dev.cortado.wasm.WasmModule;
import java.util.Optional;

/**
 * Explains imports {@code cortado run} cannot satisfy, naming the WASI version they come from and
 * what to do.
 */
final class ImportProblems {
  private static final String PREVIEW1 = "wasi_snapshot_preview1";

  private ImportProblems() {}

  /**
   * Returns what is wrong with the first import Cortado does not provide, if any. A program of
   * wasi-threads (it imports {@code wasi} {@code thread-spawn}) also gets {@code thread-spawn} and
   * its shared memories ({@link WasiThreads}).
   */
  static Optional<String> first(WasmModule module) {
    for (Import i : module.imports()) {
      if (!i.module().equals(PREVIEW1) && !WasiThreads.provides(module.imports(), i)) {
        return Optional.of(explain(i));
      }
    }
    return Optional.empty();
  }

  private static String explain(Import i) {
    String name = "\"" + i.module() + "\" \"" + i.name() + "\"";
    if (i.module().equals("wasi_unstable")) {
      return "unknown import "
          + name
          + ": the module was built for WASI preview 0 (wasi_unstable), which Cortado does not"
          + " implement; rebuild it for wasip1 (target wasm32-wasip1 or wasm32-wasi)";
    }
    if (i.module().startsWith("wasi:")) {
      return "unknown import "
          + name
          + ": this is a WASI 0.2/0.3 (component model) interface; Cortado runs core modules"
          + " built for WASI preview1 (wasm32-wasip1)";
    }
    if (i.module().equals("env")
        || i.module().startsWith("wbg")
        || i.module().startsWith("__wbindgen")) {
      return "unknown import "
          + name
          + ": the module expects its host (a JavaScript glue file or an embedding program) to"
          + " provide this "
          + what(i)
          + "; `cortado run` only provides WASI preview1"
          + " (wasi_snapshot_preview1). Build the program for wasm32-wasip1, or embed it with the"
          + " Java API and define the import yourself";
    }
    return "unknown import "
        + name
        + ": `cortado run` only provides WASI preview1 (wasi_snapshot_preview1)";
  }

  /** Returns what an import is, in words: a function, a table, a memory, a global or a tag. */
  private static String what(Import i) {
    return switch (i.desc()) {
      case ImportDesc.Func f -> "function";
      case ImportDesc.Table t -> "table";
      case ImportDesc.Memory m -> "memory";
      case ImportDesc.Global g -> "global";
      case ImportDesc.Tag t -> "exception tag";
    };
  }
}
