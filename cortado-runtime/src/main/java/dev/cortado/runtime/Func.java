package dev.cortado.runtime;

import dev.cortado.runtime.internal.interp.Interpreter;
import dev.cortado.runtime.internal.interp.Machine;
import dev.cortado.runtime.internal.interp.Thrown;
import dev.cortado.runtime.internal.store.FunctionInstance;
import dev.cortado.runtime.internal.store.HostFunctionInstance;
import dev.cortado.runtime.internal.store.WasmFunction;
import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.ValType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntBinaryOperator;
import java.util.function.IntSupplier;
import java.util.function.IntUnaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;

/**
 * A function of a store: exported by an instance, or written in Java ({@link #of}). Two {@code
 * Func}s are equal when they are the same function.
 *
 * <p>{@link #call(WasmValue...)} takes and returns values of any type; for the common number
 * signatures, the typed views ({@link #asIntBinary()} and friends) call without allocating.
 */
public final class Func implements Extern {
  private final Store store;
  final FunctionInstance instance;

  Func(Store store, FunctionInstance instance) {
    this.store = store;
    this.instance = instance;
  }

  /** Returns a function of {@code type} in {@code store} that runs {@code body}. */
  public static Func of(Store store, FuncType type, HostFunction body) {
    Objects.requireNonNull(store, "store");
    return new Func(store, Instantiation.hostFunction(store, type, "host", body));
  }

  @Override
  public Store store() {
    return store;
  }

  /** Returns the function's type. */
  public FuncType type() {
    return instance.type();
  }

  /**
   * Calls the function.
   *
   * @param args one value per parameter, of the parameter's type
   * @return one value per result
   * @throws IllegalArgumentException if the arguments do not match the parameters
   * @throws Trap if the function traps
   * @throws ExecutionInterruptedException if the store's fuel, deadline or interruption stops it
   */
  public List<WasmValue> call(WasmValue... args) {
    FuncType t = instance.type();
    List<ValType> params = t.params();
    if (args.length != params.size()) {
      throw new IllegalArgumentException(
          "the function takes " + params.size() + " arguments, not " + args.length);
    }
    for (int i = 0; i < args.length; i++) {
      Values.requireType(
          args[i],
          params.get(i),
          "argument " + i,
          instance instanceof WasmFunction w ? w.instance : null);
    }
    Machine m = store.enter();
    int base = m.top;
    try {
      int n = Math.max(params.size(), t.results().size());
      m.ensureSlots(base + params.size() + n + 1);
      for (int i = 0; i < args.length; i++) {
        Values.toSlot(store, args[i], m.lo, m.hi, m.refs, base + i);
      }
      int resultBase = base;
      if (instance instanceof WasmFunction w) {
        Interpreter.invoke(m, w, base);
      } else {
        resultBase = base + params.size();
        m.top = resultBase + t.results().size();
        ((HostFunctionInstance) instance).body.call(null, m, base, resultBase);
      }
      List<WasmValue> results = new ArrayList<>(t.results().size());
      for (int i = 0; i < t.results().size(); i++) {
        results.add(
            Values.fromSlot(
                store,
                t.results().get(i),
                m.lo,
                m.hi,
                m.refs,
                resultBase + i,
                instance instanceof WasmFunction w ? w.instance : null));
      }
      return results;
    } catch (Thrown e) {
      throw UncaughtException.of(store, e);
    } finally {
      Arrays.fill(m.refs, base, Math.min(m.refs.length, base + 2 * params.size() + 2), null);
      m.top = base;
      store.exit();
    }
  }

  /**
   * Returns a view of this {@code (i32) -> i32} function as an {@link IntUnaryOperator}.
   *
   * @throws IllegalArgumentException if the function has another type
   */
  public IntUnaryOperator asIntUnary() {
    requireType(List.of(ValType.I32), List.of(ValType.I32));
    return a -> (int) callNumbers(a, 0);
  }

  /**
   * Returns a view of this {@code (i32 i32) -> i32} function as an {@link IntBinaryOperator}.
   *
   * @throws IllegalArgumentException if the function has another type
   */
  public IntBinaryOperator asIntBinary() {
    requireType(List.of(ValType.I32, ValType.I32), List.of(ValType.I32));
    return (a, b) -> (int) callNumbers(a, b);
  }

  /**
   * Returns a view of this {@code (i64) -> i64} function as a {@link LongUnaryOperator}.
   *
   * @throws IllegalArgumentException if the function has another type
   */
  public LongUnaryOperator asLongUnary() {
    requireType(List.of(ValType.I64), List.of(ValType.I64));
    return a -> callNumbers(a, 0);
  }

  /**
   * Returns a view of this {@code (i64 i64) -> i64} function as a {@link LongBinaryOperator}.
   *
   * @throws IllegalArgumentException if the function has another type
   */
  public LongBinaryOperator asLongBinary() {
    requireType(List.of(ValType.I64, ValType.I64), List.of(ValType.I64));
    return this::callNumbers;
  }

  /**
   * Returns a view of this {@code (f64) -> f64} function as a {@link DoubleUnaryOperator}.
   *
   * @throws IllegalArgumentException if the function has another type
   */
  public DoubleUnaryOperator asDoubleUnary() {
    requireType(List.of(ValType.F64), List.of(ValType.F64));
    return a -> Double.longBitsToDouble(callNumbers(Double.doubleToRawLongBits(a), 0));
  }

  /**
   * Returns a view of this {@code () -> i32} function as an {@link IntSupplier}.
   *
   * @throws IllegalArgumentException if the function has another type
   */
  public IntSupplier asIntSupplier() {
    requireType(List.of(), List.of(ValType.I32));
    return () -> (int) callNumbers(0, 0);
  }

  /**
   * Returns a view of this {@code () -> ()} function as a {@link Runnable}.
   *
   * @throws IllegalArgumentException if the function has another type
   */
  public Runnable asRunnable() {
    requireType(List.of(), List.of());
    return () -> callNumbers(0, 0);
  }

  private void requireType(List<ValType> params, List<ValType> results) {
    FuncType t = instance.type();
    if (!t.params().equals(params) || !t.results().equals(results)) {
      throw new IllegalArgumentException(
          "the function's type is " + t + ", not " + FuncType.of(params, results));
    }
  }

  /**
   * Calls a function of at most two number parameters and at most one number result, without
   * allocating: the path the typed views take.
   */
  private long callNumbers(long a0, long a1) {
    Machine m = store.enter();
    int base = m.top;
    try {
      m.ensureSlots(base + 4);
      m.lo[base] = a0;
      m.lo[base + 1] = a1;
      int resultBase = base;
      if (instance instanceof WasmFunction w) {
        Interpreter.invoke(m, w, base);
      } else {
        resultBase = base + instance.type().params().size();
        m.top = resultBase + 1;
        ((HostFunctionInstance) instance).body.call(null, m, base, resultBase);
      }
      return m.lo[resultBase];
    } catch (Thrown e) {
      throw UncaughtException.of(store, e);
    } finally {
      m.top = base;
      store.exit();
    }
  }

  /** Returns this function if it belongs to {@code s}, else throws. */
  Func checkStore(Store s) {
    if (s != store) {
      throw new IllegalArgumentException("the function belongs to another store");
    }
    return this;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Func f && f.instance == instance;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(instance);
  }

  @Override
  public String toString() {
    return "Func[" + instance.displayName() + " " + instance.type() + "]";
  }
}
