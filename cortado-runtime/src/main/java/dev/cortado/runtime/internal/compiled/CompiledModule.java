package dev.cortado.runtime.internal.compiled;

import dev.cortado.runtime.internal.interp.Machine;
import dev.cortado.runtime.internal.store.ModuleInstance;
import java.util.BitSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The JVM code of one module's functions, shared by all its instances: generated code refers to an
 * instance's memories, tables, globals and functions through the {@link ModuleInstance} it is
 * given, never directly.
 */
public abstract class CompiledModule {
  // The hand-over between instantiate and an entry class's static initializer, on one thread.
  private static final ThreadLocal<BitSet> DEFINING = new ThreadLocal<>();
  private static final ThreadLocal<CompiledModule> MADE = new ThreadLocal<>();
  private static final AtomicLong CONSTRUCTED = new AtomicLong();

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

  /**
   * Loads and initializes the entry class {@code entryClass} of {@code loader} and returns its
   * instance for the functions {@code compiled}. The class's static initializer makes it (see
   * {@link #defining}): a reflective constructor call would make HotSpot spin method handle classes
   * at every start, and compile the JDK code that spins them. A class initialized before (a
   * precompiled module that a second engine loads) or generated without that initializer is made
   * through its constructor.
   *
   * @throws ReflectiveOperationException if the class cannot be found or made
   * @throws ClassCastException if it is not a compiled module
   */
  public static CompiledModule instantiate(ClassLoader loader, String entryClass, BitSet compiled)
      throws ReflectiveOperationException {
    DEFINING.set(compiled);
    try {
      Class<?> entry = Class.forName(entryClass, true, loader);
      CompiledModule made = MADE.get();
      if (made != null && made.getClass() == entry) {
        return made;
      }
      CONSTRUCTED.incrementAndGet();
      return (CompiledModule) entry.getDeclaredConstructor(BitSet.class).newInstance(compiled);
    } finally {
      DEFINING.remove();
      MADE.remove();
    }
  }

  /**
   * Returns how many modules {@link #instantiate} has made through their constructor, not their
   * static initializer (for tests).
   */
  public static long constructedCount() {
    return CONSTRUCTED.get();
  }

  /**
   * Returns, to a generated entry class's static initializer, the functions compiled for the
   * instance that {@link #instantiate} asks it for; null when the class is initialized otherwise.
   */
  public static BitSet defining() {
    return DEFINING.get();
  }

  /** Takes, from a generated entry class's static initializer, the instance it made. */
  public static void made(CompiledModule instance) {
    MADE.set(instance);
  }
}
