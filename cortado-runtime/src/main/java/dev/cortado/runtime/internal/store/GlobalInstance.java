package dev.cortado.runtime.internal.store;

import dev.cortado.wasm.GlobalType;

/**
 * A global variable. Numbers live in {@link #value} (i32 as a sign-extended int, floats as raw
 * bits), vectors in {@link #value} (low half) and {@link #high}, references in {@link #ref}.
 */
public final class GlobalInstance {
  private final GlobalType type;

  /** The number, or the low 64 bits of a vector. */
  public long value;

  /** The high 64 bits of a vector. */
  public long high;

  /** The reference (null for the null reference). */
  public Object ref;

  /**
   * The instance whose types the type indices in the global's type name, or null for a global the
   * host created (whose type has none).
   */
  public ModuleInstance owner;

  /** Creates a global of {@code type} holding zero or null. */
  public GlobalInstance(GlobalType type) {
    this.type = type;
  }

  /** Returns the global's type. */
  public GlobalType type() {
    return type;
  }
}
