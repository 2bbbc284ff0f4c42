package dev.cortado.wasm.valid;

import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.GlobalType;
import dev.cortado.wasm.MemoryType;
import dev.cortado.wasm.TableType;
import dev.cortado.wasm.WasmModule;

/**
 * A module that passed validation, with what validation learned about it: the type of every entity
 * in each index space (imports included) and a {@link FunctionInfo} per defined function.
 *
 * <p>Only {@link Validator} makes these, so holding one proves the module is valid.
 */
public final class ValidatedModule {
  private final WasmModule module;
  private final Context context;
  // Null where a module known to be valid (Validator.validateLazily) was not validated yet.
  private final FunctionInfo[] functions;

  ValidatedModule(WasmModule module, Context context, FunctionInfo[] functions) {
    this.module = module;
    this.context = context;
    this.functions = functions;
  }

  /** Returns the module. */
  public WasmModule module() {
    return module;
  }

  /** Returns what validation learned about defined function {@code definedIndex} (0-based). */
  public FunctionInfo functionInfo(int definedIndex) {
    FunctionInfo f = functions[definedIndex];
    if (f == null) {
      // Known valid, so this cannot fail. Threads racing here compute equal, immutable results.
      f =
          new FunctionValidator(context, module)
              .validateFunction(definedIndex, module.functions().get(definedIndex));
      functions[definedIndex] = f;
    }
    return f;
  }

  /** Returns the type of function {@code funcIndex} of the function index space. */
  public FuncType functionType(int funcIndex) {
    return context.function(funcIndex);
  }

  /** Returns the type of table {@code tableIndex} of the table index space. */
  public TableType tableType(int tableIndex) {
    return context.table(tableIndex);
  }

  /** Returns the type of memory {@code memoryIndex} of the memory index space. */
  public MemoryType memoryType(int memoryIndex) {
    return context.memory(memoryIndex);
  }

  /** Returns the type of global {@code globalIndex} of the global index space. */
  public GlobalType globalType(int globalIndex) {
    return context.global(globalIndex);
  }

  /** Returns the function type at {@code typeIndex} of the module's types. */
  public FuncType type(int typeIndex) {
    return context.funcType(typeIndex);
  }
}
