package dev.cortado.runtime.internal.numeric;

import dev.cortado.runtime.Trap;
import dev.cortado.runtime.TrapKind;
import dev.cortado.runtime.internal.numeric.WastMachine.Exec;
import dev.cortado.wasm.Immediate;
import dev.cortado.wasm.Opcode;
import dev.cortado.wasm.ValType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Maps instruction names to implementations for {@link WastMachine}.
 *
 * <p>Every numeric and vector instruction is bound <em>by reflection</em> to the helper method its
 * name gives ({@code i16x8.extmul_low_i8x16_s} to {@code i16x8ExtmulLowI8x16S}), adapted by the
 * instruction's signature in {@link Opcode}; so the suite exercises exactly the methods the
 * interpreter will call. Instructions without a helper (the ones the interpreter does with a plain
 * Java operator) are in {@link JavaOperators}. Vector helpers are run with {@code dst} apart from
 * the operands and again with {@code dst} equal to each operand, and must agree.
 */
final class InstructionTable {
  /** The classes whose public static methods implement instructions. */
  static final List<Class<?>> HELPERS =
      List.of(
          Numerics.class,
          Conversions.class,
          SimdLanes.class,
          SimdBitwise.class,
          SimdIntArith.class,
          SimdIntCompare.class,
          SimdShift.class,
          SimdWiden.class,
          SimdFloat.class,
          SimdConvert.class,
          SimdRelaxed.class);

  private final Map<String, Exec> execs = new HashMap<>();

  /** The instructions bound to a helper method, with the method's class and name. */
  final Map<String, String> boundToHelpers = new TreeMap<>();

  InstructionTable() {
    variables();
    JavaOperators.register(execs);
    Map<String, Method> methods = helperMethods();
    for (Opcode op : Opcode.values()) {
      Method m = methods.get(methodName(op.text()));
      if (m != null && op.hasFixedSignature()) {
        execs.put(op.text(), op.immediate() == Immediate.MEMARG ? loadHelper(op, m) : bind(op, m));
        boundToHelpers.put(op.text(), m.getDeclaringClass().getSimpleName() + "." + m.getName());
      }
    }
    MemoryOps.register(execs);
  }

  /** Returns the implementation of instruction {@code name}, or null if there is none. */
  Exec lookup(String name) {
    return execs.get(name);
  }

  /**
   * Returns the helper method name for a Wasm instruction: the camel-cased text name, with the
   * {@code v128.} of the load transforms dropped ({@code v128.load8x8_s} is {@code load8x8S}).
   */
  static String methodName(String text) {
    String t = text.startsWith("v128.load") ? text.substring(5) : text;
    StringBuilder b = new StringBuilder();
    for (String part : t.split("[._]")) {
      b.append(b.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
    }
    return b.toString();
  }

  /** Returns the public static methods of the helpers, by name; a name may be defined once. */
  static Map<String, Method> helperMethods() {
    Map<String, Method> out = new HashMap<>();
    for (Class<?> c : HELPERS) {
      for (Method m : c.getDeclaredMethods()) {
        if (Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers())) {
          if (out.put(m.getName(), m) != null) {
            throw new IllegalStateException("two helpers named " + m.getName());
          }
        }
      }
    }
    return out;
  }

  private void variables() {
    execs.put("nop", (f, imms) -> {});
    execs.put("drop", (f, imms) -> f.pop());
    execs.put("unreachable", (f, imms) -> fail(TrapKind.UNREACHABLE));
    execs.put("local.get", (f, imms) -> f.push(f.locals[f.local(imms.get(0))]));
    execs.put("local.set", (f, imms) -> f.locals[f.local(imms.get(0))] = f.pop());
    execs.put(
        "local.tee",
        (f, imms) -> {
          WastValue v = f.pop();
          f.locals[f.local(imms.get(0))] = v;
          f.push(v);
        });
    execs.put(
        "select",
        (f, imms) -> {
          int c = (int) f.pop().lo();
          WastValue b = f.pop();
          WastValue a = f.pop();
          f.push(c != 0 ? a : b);
        });
    execs.put("global.get", (f, imms) -> f.push(f.instance.globals.get(f.global(imms.get(0)))));
    execs.put("global.set", (f, imms) -> f.instance.globals.set(f.global(imms.get(0)), f.pop()));
    execs.put(
        "return",
        (f, imms) -> {
          throw new WastMachine.Return();
        });
    execs.put(
        "call",
        (f, imms) -> {
          WastMachine.Func callee = f.func(imms.get(0));
          List<WastValue> args =
              f.stack.subList(f.stack.size() - callee.params.size(), f.stack.size());
          List<WastValue> results = f.machine.call(f.instance, callee, List.copyOf(args));
          args.clear();
          f.stack.addAll(results);
        });
    for (String c : List.of("i32.const", "i64.const", "f32.const", "f64.const", "v128.const")) {
      execs.put(c, (f, imms) -> f.push(WastValue.parseConst(c, imms)));
    }
  }

  private static void fail(TrapKind kind) {
    throw Trap.of(kind);
  }

  // ---------------------------------------------------------------------------------------------
  // Binding helpers by signature

  private static Exec bind(Opcode op, Method m) {
    Class<?>[] jt = m.getParameterTypes();
    if (jt.length >= 2 && jt[0] == long[].class) {
      return bindVector(op, m);
    }
    List<ValType> params = op.params();
    if (jt.length != params.size() || op.results().size() != 1) {
      throw new IllegalStateException("cannot bind " + op + " to " + m);
    }
    ValType result = op.results().get(0);
    return (f, imms) -> {
      Object[] args = new Object[jt.length];
      for (int i = jt.length - 1; i >= 0; i--) {
        args[i] = toJava(f.pop(), jt[i]);
      }
      f.push(fromJava(invoke(m, args), result));
    };
  }

  private static Exec bindVector(Opcode op, Method m) {
    List<ValType> params = op.params();
    boolean vectorResult = op.results().get(0) == ValType.V128;
    Class<?>[] jt = m.getParameterTypes();
    return (f, imms) -> {
      WastValue[] operands = new WastValue[params.size()];
      for (int i = operands.length - 1; i >= 0; i--) {
        operands[i] = f.pop();
      }
      long[] lo = new long[4];
      long[] hi = new long[4];
      List<Object> args = new ArrayList<>(List.of(lo, hi));
      if (vectorResult) {
        args.add(0);
      }
      int slot = 1;
      for (WastValue v : operands) {
        if (v.type() == ValType.V128) {
          lo[slot] = v.lo();
          hi[slot] = v.hi();
          args.add(slot++);
        }
      }
      args.addAll(immediates(op, imms));
      for (WastValue v : operands) {
        if (v.type() != ValType.V128) {
          args.add(toJava(v, jt[args.size()]));
        }
      }
      if (args.size() != jt.length) {
        throw new IllegalStateException("cannot bind " + op + " to " + m);
      }
      if (!vectorResult) {
        f.push(fromJava(invoke(m, args.toArray()), op.results().get(0)));
        return;
      }
      f.push(runAliased(m, args, lo, hi, slot));
    };
  }

  /**
   * Runs a vector helper with {@code dst} in slot 0, then with {@code dst} in each operand slot (1
   * until {@code slots}), and returns the result after checking that all runs agree and that no run
   * wrote a slot other than {@code dst}.
   */
  private static WastValue runAliased(
      Method m, List<Object> args, long[] lo, long[] hi, int slots) {
    long[] lo0 = lo.clone();
    long[] hi0 = hi.clone();
    WastValue result = null;
    for (int dst = 0; dst < slots; dst++) {
      System.arraycopy(lo0, 0, lo, 0, lo.length);
      System.arraycopy(hi0, 0, hi, 0, hi.length);
      args.set(2, dst);
      invoke(m, args.toArray());
      WastValue r = WastValue.v128(lo[dst], hi[dst]);
      for (int s = 0; s < lo.length; s++) {
        if (s != dst && (lo[s] != lo0[s] || hi[s] != hi0[s])) {
          throw new AssertionError(m.getName() + " with dst " + dst + " wrote slot " + s);
        }
      }
      if (result != null && !result.equals(r)) {
        throw new AssertionError(
            m.getName() + " gives " + r + " with dst == operand " + dst + " but " + result);
      }
      result = r;
    }
    return result;
  }

  /** Converts an instruction's immediates to the helper's trailing arguments. */
  private static List<Object> immediates(Opcode op, List<String> imms) {
    return switch (op.immediate()) {
      case LANE -> List.of(Integer.parseInt(imms.get(0)));
      case SHUFFLE -> {
        long[] halves = new long[2];
        for (int i = 0; i < 16; i++) {
          halves[i / 8] |= (Long.parseLong(imms.get(i)) & 0xFF) << (8 * (i % 8));
        }
        yield List.of(halves[0], halves[1]);
      }
      default -> List.of();
    };
  }

  /** A load transform: the helper receives the loaded bytes as a little-endian long. */
  private static Exec loadHelper(Opcode op, Method m) {
    return (f, imms) -> {
      long bits = MemoryOps.load(f, MemoryOps.offset(imms), op.accessBytes());
      long[] lo = new long[1];
      long[] hi = new long[1];
      invoke(m, new Object[] {lo, hi, 0, bits});
      f.push(WastValue.v128(lo[0], hi[0]));
    };
  }

  static Object toJava(WastValue v, Class<?> t) {
    if (t == int.class) {
      return (int) v.lo();
    }
    if (t == long.class) {
      return v.lo();
    }
    if (t == float.class) {
      return Float.intBitsToFloat((int) v.lo());
    }
    if (t == double.class) {
      return Double.longBitsToDouble(v.lo());
    }
    throw new IllegalArgumentException("parameter type " + t);
  }

  static WastValue fromJava(Object r, ValType type) {
    long bits =
        switch (r) {
          case Integer i -> i;
          case Long l -> l;
          case Float x -> Float.floatToRawIntBits(x);
          case Double d -> Double.doubleToRawLongBits(d);
          default -> throw new IllegalArgumentException("result " + r);
        };
    return new WastValue(type, bits, 0);
  }

  static Object invoke(Method m, Object[] args) {
    try {
      return m.invoke(null, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new AssertionError(e.getCause());
    } catch (IllegalAccessException | IllegalArgumentException e) {
      throw new AssertionError(m + " with " + Arrays.toString(args), e);
    }
  }
}
