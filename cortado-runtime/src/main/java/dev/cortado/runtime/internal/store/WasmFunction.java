package dev.cortado.runtime.internal.store;

import dev.cortado.runtime.internal.compiled.CompiledModule;
import dev.cortado.runtime.internal.interp.CompiledCode;
import dev.cortado.runtime.internal.interp.ModuleCode;
import dev.cortado.wasm.FuncType;

/** A function defined by a module, in one instance of it. */
public final class WasmFunction extends FunctionInstance {
  /** The instance the function belongs to: its memories, tables, globals and functions. */
  public final ModuleInstance instance;

  /** The function's index in the module's function index space. */
  public final int index;

  private final ModuleCode moduleCode;
  private final int definedIndex;
  private CompiledCode code;

  /** The module's JVM code, or null if the function runs in the interpreter. */
  public final CompiledModule compiled;

  /** Creates defined function {@code definedIndex} (function {@code index}) of {@code instance}. */
  public WasmFunction(
      FuncType type,
      int typeId,
      ModuleInstance instance,
      int index,
      ModuleCode moduleCode,
      int definedIndex,
      CompiledModule compiled) {
    super(type, typeId);
    this.instance = instance;
    this.index = index;
    this.moduleCode = moduleCode;
    this.definedIndex = definedIndex;
    this.compiled = compiled;
  }

  /** Returns the function's index among the functions the module defines (imports excluded). */
  public int definedIndex() {
    return definedIndex;
  }

  /** Returns the function's interpreter code, lowering it on first use. */
  public CompiledCode code() {
    CompiledCode c = code;
    if (c == null) {
      c = moduleCode.code(definedIndex);
      code = c;
    }
    return c;
  }

  @Override
  public String displayName() {
    return instance.module().module().names().functionName(index).orElse("function[" + index + "]");
  }
}
