package dev.cortado.runtime.internal.store;

import dev.cortado.runtime.internal.interp.Machine;
import dev.cortado.wasm.FuncType;

/** A function implemented in Java by the embedder. */
public final class HostFunctionInstance extends FunctionInstance {
  /** The Java side of a host function. */
  @FunctionalInterface
  public interface Body {
    /**
     * Runs the function. Arguments are in the machine's slots from {@code argBase} (numbers as
     * longs, floats as bits, vectors in two halves, references as objects); results go to slots
     * from {@code resultBase}.
     *
     * @param caller the instance whose code called, or null when the host called directly
     */
    void call(ModuleInstance caller, Machine machine, int argBase, int resultBase);
  }

  private final String name;

  /** The implementation. */
  public final Body body;

  /** Creates a host function named {@code name} (for traces) of {@code type}. */
  public HostFunctionInstance(FuncType type, int typeId, String name, Body body) {
    super(type, typeId);
    this.name = name;
    this.body = body;
  }

  @Override
  public String displayName() {
    return name;
  }
}
