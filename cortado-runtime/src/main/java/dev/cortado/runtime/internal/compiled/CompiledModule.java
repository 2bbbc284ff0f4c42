package dev.cortado.runtime.internal.compiled;

import dev.cortado.runtime.internal.interp.Machine;
import dev.cortado.runtime.internal.store.ModuleInstance;
import java.util.BitSet;

/**
 * The JVM code of one module's functions, shared by all its instances: generated code refers to an
 * instance's memories, tables, globals and functions through the {@link ModuleInstance} it is
 * given, never directly.
 */
public abstract class CompiledModule {
  private final BitSet compiled;

  /**
   * Creates the module's code.
   *
   * @param compiled the defined functions that were compiled; the others run in the interpreter
   */
  protected CompiledModule(BitSet compiled) {
    this.compiled = (BitSet) compiled.clone();
  }

  /** Returns whether defined function {@code definedIndex} was compiled. */
  public final boolean compiles(int definedIndex) {
    return compiled.get(definedIndex);
  }

  /**
   * Runs defined function {@code definedIndex} of {@code instance} with its arguments in slots
   * {@code base...} of {@code m}, and leaves its results in slots {@code base...}: the calling
   * convention of the interpreter and of host functions.
   */
  public abstract void invoke(int definedIndex, Machine m, ModuleInstance instance, int base);
}
