package dev.cortado.runtime.internal.store;

import dev.cortado.runtime.internal.compiled.CompiledModule;
import dev.cortado.runtime.internal.compiled.Tier;
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

  private final Tier tier;

  // definedIndex once compiled() has answered non-null, which it then always does (a tier's code is
  // set once); -1 before. Plain: a thread that still reads -1 asks the tier, as before.
  private int compiledIndex = -1;

  /** Creates defined function {@code definedIndex} (function {@code index}) of {@code instance}. */
  public WasmFunction(
      FuncType type,
      int typeId,
      ModuleInstance instance,
      int index,
      ModuleCode moduleCode,
      int definedIndex,
      Tier tier) {
    super(type, typeId);
    this.instance = instance;
    this.index = index;
    this.moduleCode = moduleCode;
    this.definedIndex = definedIndex;
    this.tier = tier;
  }

  /**
   * Returns the module's JVM code if this function runs compiled now, or null if it runs in the
   * interpreter (the interpreter engine, not compiled yet, or not compilable).
   */
  public CompiledModule compiled() {
    if (tier == null) {
      return null;
    }
    CompiledModule c = tier.code();
    return c != null && c.compiles(definedIndex) ? c : null;
  }

  /**
   * Returns {@link #definedIndex} if the function runs compiled now, else -1: {@code compiled() !=
   * null} for {@code call_indirect}, without the tier's volatile read once it has answered yes.
   */
  public int compiledIndex() {
    int i = compiledIndex;
    if (i < 0 && compiled() != null) {
      compiledIndex = i = definedIndex;
    }
    return i;
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
