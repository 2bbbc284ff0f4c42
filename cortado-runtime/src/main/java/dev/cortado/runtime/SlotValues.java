package dev.cortado.runtime;

import dev.cortado.runtime.internal.interp.Machine;
import dev.cortado.runtime.internal.store.FunctionInstance;
import dev.cortado.wasm.V128;
import dev.cortado.wasm.ValType;
import java.util.List;
import java.util.Optional;

/**
 * The arguments or results of a host call, read from and written to the machine's slots in place.
 * The machine's arrays are read afresh on every access: a host function calling back into
 * WebAssembly may grow them.
 */
final class SlotValues implements Arguments, Results {
  private final Store store;
  private final Machine m;
  private final int base;
  private final List<ValType> types;

  SlotValues(Store store, Machine m, int base, List<ValType> types) {
    this.store = store;
    this.m = m;
    this.base = base;
    this.types = types;
  }

  private int slot(int index, ValType expected) {
    ValType t = types.get(index);
    if (t != expected && !t.equals(expected)) {
      throw new IllegalArgumentException(
          "value " + index + " is " + t.text() + ", not " + expected.text());
    }
    return base + index;
  }

  @Override
  public int size() {
    return types.size();
  }

  @Override
  public int i32(int index) {
    return (int) m.lo[slot(index, ValType.I32)];
  }

  @Override
  public long i64(int index) {
    return m.lo[slot(index, ValType.I64)];
  }

  @Override
  public float f32(int index) {
    return Float.intBitsToFloat((int) m.lo[slot(index, ValType.F32)]);
  }

  @Override
  public double f64(int index) {
    return Double.longBitsToDouble(m.lo[slot(index, ValType.F64)]);
  }

  @Override
  public V128 v128(int index) {
    int s = slot(index, ValType.V128);
    return new V128(m.lo[s], m.hi[s]);
  }

  @Override
  public Optional<Object> externRef(int index) {
    return Optional.ofNullable(m.refs[slot(index, ValType.EXTERNREF)]);
  }

  @Override
  public Optional<Func> funcRef(int index) {
    Object f = m.refs[slot(index, ValType.FUNCREF)];
    return f == null ? Optional.empty() : Optional.of(new Func(store, (FunctionInstance) f));
  }

  @Override
  public WasmValue get(int index) {
    return Values.fromSlot(store, types.get(index), m.lo, m.hi, m.refs, base + index);
  }

  @Override
  public void setI32(int index, int value) {
    m.lo[slot(index, ValType.I32)] = value;
  }

  @Override
  public void setI64(int index, long value) {
    m.lo[slot(index, ValType.I64)] = value;
  }

  @Override
  public void setF32(int index, float value) {
    m.lo[slot(index, ValType.F32)] = Float.floatToRawIntBits(value);
  }

  @Override
  public void setF64(int index, double value) {
    m.lo[slot(index, ValType.F64)] = Double.doubleToRawLongBits(value);
  }

  @Override
  public void setV128(int index, V128 value) {
    int s = slot(index, ValType.V128);
    m.lo[s] = value.low();
    m.hi[s] = value.high();
  }

  @Override
  public void setExternRef(int index, Optional<Object> value) {
    m.refs[slot(index, ValType.EXTERNREF)] = value.orElse(null);
  }

  @Override
  public void setFuncRef(int index, Optional<Func> value) {
    m.refs[slot(index, ValType.FUNCREF)] =
        value.map(f -> f.checkStore(store).instance).orElse(null);
  }

  @Override
  public void set(int index, WasmValue value) {
    Values.requireType(value, types.get(index), "result " + index);
    Values.toSlot(store, value, m.lo, m.hi, m.refs, base + index);
  }
}
