package dev.cortado.runtime.internal.compiled;

import dev.cortado.runtime.Trap;
import dev.cortado.runtime.TrapKind;
import dev.cortado.runtime.internal.interp.Machine;
import dev.cortado.runtime.internal.interp.Thrown;
import dev.cortado.runtime.internal.store.ExceptionInstance;
import dev.cortado.runtime.internal.store.ModuleInstance;

/**
 * What generated code calls for exception handling (Wasm 3.0 and legacy). Compiled code throws and
 * catches the interpreter's {@link Thrown}, so an exception crosses tiers, host functions and
 * instances as one Java exception: a {@code try_table} or {@code try} is a JVM exception handler
 * for {@code Thrown} whose code matches the tag here.
 */
public final class CompiledExceptions {
  private CompiledExceptions() {}

  /**
   * {@code throw}: returns the carrier of a new exception of tag {@code tag} of {@code inst} whose
   * values are in the machine's slots from {@code base}, for the code to throw.
   */
  public static Thrown throwTag(Machine m, int base, int tag, ModuleInstance inst) {
    return new Thrown(new ExceptionInstance(inst.tags[tag], m.lo, m.hi, m.refs, base));
  }

  /** {@code throw_ref} and legacy {@code rethrow}: the carrier of {@code exnref}; traps on null. */
  public static Thrown throwRef(Object exnref) {
    if (exnref == null) {
      throw Trap.of(TrapKind.NULL_REFERENCE);
    }
    return new Thrown((ExceptionInstance) exnref);
  }

  /** Returns whether {@code thrown} was thrown with tag {@code tag} of {@code inst}. */
  public static boolean catches(Thrown thrown, int tag, ModuleInstance inst) {
    return thrown.exception.tag == inst.tags[tag];
  }

  /**
   * Copies the values of {@code thrown}'s exception to the machine's slots above {@link
   * Machine#top} and returns where they start, for the handler to load.
   */
  public static int values(Machine m, Thrown thrown) {
    ExceptionInstance e = thrown.exception;
    int base = m.top;
    m.ensureSlots(base + e.lo.length);
    e.copyValuesTo(m.lo, m.hi, m.refs, base);
    return base;
  }

  /** Returns the exception {@code thrown} carries: the {@code exnref} of a {@code catch_ref}. */
  public static Object exception(Thrown thrown) {
    return thrown.exception;
  }
}
