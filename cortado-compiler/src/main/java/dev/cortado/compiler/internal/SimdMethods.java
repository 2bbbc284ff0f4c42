package dev.cortado.compiler.internal;

import dev.cortado.runtime.internal.compiled.CompilationException;
import dev.cortado.runtime.internal.numeric.SimdBitwise;
import dev.cortado.runtime.internal.numeric.SimdConvert;
import dev.cortado.runtime.internal.numeric.SimdFloat;
import dev.cortado.runtime.internal.numeric.SimdIntArith;
import dev.cortado.runtime.internal.numeric.SimdIntCompare;
import dev.cortado.runtime.internal.numeric.SimdLanes;
import dev.cortado.runtime.internal.numeric.SimdRelaxed;
import dev.cortado.runtime.internal.numeric.SimdShift;
import dev.cortado.runtime.internal.numeric.SimdWiden;
import dev.cortado.wasm.Opcode;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;

/**
 * The shared numerics' vector methods by name. Each vector instruction's method is named after the
 * instruction in camel case ({@code i16x8.extmul_low_i8x16_s} is {@code i16x8ExtmulLowI8x16S}), so
 * compiled code calls exactly the method the interpreter calls without a second table of names.
 */
final class SimdMethods {
  private static final Class<?>[] CLASSES = {
    SimdBitwise.class,
    SimdConvert.class,
    SimdFloat.class,
    SimdIntArith.class,
    SimdIntCompare.class,
    SimdLanes.class,
    SimdRelaxed.class,
    SimdShift.class,
    SimdWiden.class
  };

  private static final Map<String, Method> BY_NAME = new HashMap<>();

  static {
    for (Class<?> c : CLASSES) {
      for (Method m : c.getMethods()) {
        if (Modifier.isStatic(m.getModifiers()) && BY_NAME.put(m.getName(), m) != null) {
          throw new IllegalStateException("two vector numerics methods named " + m.getName());
        }
      }
    }
  }

  private SimdMethods() {}

  /** Returns the numerics method of instruction {@code op}. */
  static Method of(Opcode op) {
    return named(camelCase(op.text()));
  }

  /** Returns the numerics method {@code name}. */
  static Method named(String name) {
    Method m = BY_NAME.get(name);
    if (m == null) {
      throw new CompilationException("no vector numerics method " + name);
    }
    return m;
  }

  static String camelCase(String text) {
    StringBuilder b = new StringBuilder(text.length());
    boolean upper = false;
    for (char c : text.toCharArray()) {
      if (c == '.' || c == '_') {
        upper = true;
      } else {
        b.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return b.toString();
  }
}
