package dev.cortado.runtime.internal.interp;

import dev.cortado.wasm.AddressType;
import dev.cortado.wasm.CompositeType;
import dev.cortado.wasm.ExternKind;
import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.ImportDesc;
import dev.cortado.wasm.TableType;
import dev.cortado.wasm.ValType;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.valid.ValidatedModule;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The interpreter code of one module's functions, lowered on first call and shared by every
 * instance of the module (lowered code refers to functions, globals and tables by index, never to
 * an instance).
 */
public final class ModuleCode implements LoweringContext {
  private final ValidatedModule module;
  private final int[] typeIds;
  private final AtomicReferenceArray<CompiledCode> code;

  /**
   * Creates the (not yet lowered) code of {@code module}.
   *
   * @param typeIds the engine's ids of the module's types, by type index
   */
  public ModuleCode(ValidatedModule module, int[] typeIds) {
    this.module = module;
    this.typeIds = typeIds;
    this.code = new AtomicReferenceArray<>(module.module().functions().size());
  }

  /** Returns the code of defined function {@code definedIndex}, lowering it if needed. */
  public CompiledCode code(int definedIndex) {
    CompiledCode c = code.get(definedIndex);
    if (c == null) {
      WasmModule m = module.module();
      var f = m.functions().get(definedIndex);
      c = Lowering.lower(f, module.type(f.typeIndex()), module.functionInfo(definedIndex), this);
      // Two threads may lower the same function at once; both results are equal, keep one.
      if (!code.compareAndSet(definedIndex, null, c)) {
        c = code.get(definedIndex);
      }
    }
    return c;
  }

  /** Returns the validated module. */
  public ValidatedModule module() {
    return module;
  }

  @Override
  public FuncType functionType(int index) {
    return module.functionType(index);
  }

  @Override
  public FuncType type(int typeIndex) {
    return module.type(typeIndex);
  }

  @Override
  public ValType globalType(int index) {
    return module.globalType(index).valueType();
  }

  @Override
  public ValType tableElementType(int index) {
    TableType t = module.tableType(index);
    return t.elementType();
  }

  @Override
  public boolean memoryIs64(int index) {
    return module.memoryType(index).addressType() == AddressType.I64;
  }

  @Override
  public boolean tableIs64(int index) {
    return module.tableType(index).addressType() == AddressType.I64;
  }

  public FuncType tagType(int index) {
    WasmModule m = module.module();
    int imported = m.importedTagCount();
    int typeIndex =
        index < imported
            ? ((ImportDesc.Tag) m.imports(ExternKind.TAG).get(index).desc()).typeIndex()
            : m.tags().get(index - imported).typeIndex();
    return module.type(typeIndex);
  }

  @Override
  public CompositeType composite(int typeIndex) {
    return module.module().types().get(typeIndex).composite();
  }

  @Override
  public int typeId(int typeIndex) {
    return typeIds[typeIndex];
  }
}
