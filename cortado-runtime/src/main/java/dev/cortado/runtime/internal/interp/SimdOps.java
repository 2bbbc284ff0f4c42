package dev.cortado.runtime.internal.interp;

/** The vector instructions ({@code Ir.SIMD}): wired to the shared numerics in the next step. */
final class SimdOps {
  private SimdOps() {}

  static int execute(Machine m, byte[] mem, int[] code, int pc, int fp) {
    throw new UnsupportedOperationException("vector instructions are not wired up yet");
  }
}
