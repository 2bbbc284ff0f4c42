package dev.cortado.server.internal;

import static dev.cortado.wasm.ValType.I32;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.Module;
import dev.cortado.server.ServeException;
import dev.cortado.wasm.Bytes;
import dev.cortado.wasm.ExternKind;
import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.Import;
import dev.cortado.wasm.ImportDesc;
import dev.cortado.wasm.WasmException;
import dev.cortado.wasm.WasmModule;
import java.util.List;
import java.util.Optional;

/**
 * A runnable of a Suborbital bundle, compiled once and checked when serving starts: it may import
 * only the host API Cortado provides ({@link RunnableHost}) and WASI preview1, and must export
 * {@code memory}, {@code allocate(size) -> pointer} and {@code run_e(pointer, size, ident)}.
 *
 * @param name the runnable's name
 * @param module the compiled module
 */
record RunnableModule(String name, Module module) {
  private static final String PREVIEW1 = "wasi_snapshot_preview1";

  /**
   * Compiles and checks runnable {@code name} of {@code bundle}.
   *
   * @throws ServeException naming the runnable and what it needs that is missing
   */
  static RunnableModule load(Engine engine, String name, Bytes bytes, String bundle) {
    String what = "runnable " + name + " (" + name + ".wasm in " + bundle + ")";
    Module module;
    try {
      module = Module.compile(engine, bytes);
    } catch (WasmException e) {
      throw new ServeException(what + ": " + e.getMessage(), e);
    }
    WasmModule m = module.definition();
    for (Import i : m.imports()) {
      checkImport(i, m, what);
    }
    require(m, "allocate", FuncType.of(List.of(I32), List.of(I32)), what);
    require(m, "run_e", FuncType.of(List.of(I32, I32, I32), List.of()), what);
    boolean memory =
        m.exports().stream()
            .anyMatch(e -> e.name().equals("memory") && e.kind() == ExternKind.MEMORY);
    if (!memory) {
      throw new ServeException(what + ": exports no memory named \"memory\"; it is no runnable");
    }
    return new RunnableModule(name, module);
  }

  private static void checkImport(Import i, WasmModule m, String what) {
    if (i.module().equals(PREVIEW1)) {
      return;
    }
    String name = i.module() + "." + i.name();
    if (!i.module().equals(RunnableHost.MODULE)) {
      throw new ServeException(
          what
              + ": imports "
              + name
              + "; a runnable may import only Suborbital's host API (env) and WASI preview1");
    }
    if (RunnableHost.UNSUPPORTED.containsKey(i.name())) {
      throw new ServeException(
          what
              + ": imports "
              + name
              + ", which Cortado does not provide ("
              + RunnableHost.UNSUPPORTED.get(i.name())
              + "); runnables may use: "
              + String.join(", ", RunnableHost.SIGNATURES.keySet()));
    }
    FuncType expected = RunnableHost.SIGNATURES.get(i.name());
    if (expected == null) {
      throw new ServeException(
          what
              + ": imports "
              + name
              + ", which is not part of Suborbital's host API that Cortado knows ("
              + String.join(", ", RunnableHost.SIGNATURES.keySet())
              + ")");
    }
    Optional<FuncType> actual =
        i.desc() instanceof ImportDesc.Func f ? funcType(m, f.typeIndex()) : Optional.empty();
    if (actual.isEmpty() || !actual.get().equals(expected)) {
      throw new ServeException(
          what
              + ": imports "
              + name
              + " as "
              + actual.map(Object::toString).orElse("something else than a function")
              + ", but it is "
              + expected);
    }
  }

  private static void require(WasmModule m, String name, FuncType type, String what) {
    Optional<FuncType> actual = ModuleLoader.exportedFunctionType(m, name);
    if (actual.isEmpty() || !actual.get().equals(type)) {
      throw new ServeException(
          what
              + ": must export the function "
              + name
              + " "
              + type
              + (actual.isEmpty() ? ", which it lacks" : ", not " + actual.get())
              + " (subo builds runnables with it)");
    }
  }

  private static Optional<FuncType> funcType(WasmModule m, int typeIndex) {
    return m.types().get(typeIndex).composite() instanceof FuncType f
        ? Optional.of(f)
        : Optional.empty();
  }
}
