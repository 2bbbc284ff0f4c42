package dev.cortado.runtime.internal.store;

import dev.cortado.wasm.FuncType;

/**
 * A function: defined in a module ({@link WasmFunction}) or provided by the host ({@link
 * HostFunctionInstance}). It is also the value of a non-null {@code funcref}.
 */
public abstract sealed class FunctionInstance permits WasmFunction, HostFunctionInstance {
  private final FuncType type;
  private final int typeId;

  /**
   * Creates a function of {@code type}.
   *
   * @param typeId the engine-wide id of {@code type}: equal ids mean equal types, which is what
   *     {@code call_indirect} checks
   */
  protected FunctionInstance(FuncType type, int typeId) {
    this.type = type;
    this.typeId = typeId;
  }

  /** Returns the function's type. */
  public final FuncType type() {
    return type;
  }

  /** Returns the engine-wide id of the function's type. */
  public final int typeId() {
    return typeId;
  }

  /** Returns a name for stack traces and messages. */
  public abstract String displayName();
}
