package dev.cortado.runtime;

import dev.cortado.runtime.internal.interp.Interpreter;
import dev.cortado.runtime.internal.interp.Machine;
import dev.cortado.runtime.internal.store.FunctionInstance;
import dev.cortado.runtime.internal.store.HostFunctionInstance;
import dev.cortado.runtime.internal.store.WasmFunction;
import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.ValType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A function of a store: exported by an instance, or written in Java ({@link #of}). Two {@code
 * Func}s are equal when they are the same function.
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
      Values.requireType(args[i], params.get(i), "argument " + i);
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
        results.add(Values.fromSlot(store, t.results().get(i), m.lo, m.hi, m.refs, resultBase + i));
      }
      return results;
    } finally {
      Arrays.fill(m.refs, base, Math.min(m.refs.length, base + 2 * params.size() + 2), null);
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
