package dev.cortado.wasm.valid;

import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.GlobalType;
import dev.cortado.wasm.MemoryType;
import dev.cortado.wasm.TableType;
import dev.cortado.wasm.WasmModule;
import java.util.List;

/**
 * A module that passed validation, with what validation learned about it: the type of every entity
 * in each index space (imports included) and a {@link FunctionInfo} per defined function.
 *
 * <p>Only {@link Validator} makes these, so holding one proves the module is valid.
 */
public final class ValidatedModule {
  private final WasmModule module;
  private final Context context;
  private final List<FunctionInfo> functions;

  ValidatedModule(WasmModule module, Context context, List<FunctionInfo> functions) {
    this.module = module;
    this.context = context;
    this.functions = List.copyOf(functions);
  }

  /** Returns the module. */
  public WasmModule module() {
    return module;
  }

  /** Returns what validation learned about defined function {@code definedIndex} (0-based). */
  public FunctionInfo functionInfo(int definedIndex) {
    return functions.get(definedIndex);
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
