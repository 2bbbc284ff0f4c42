package dev.cortado.runtime;

import dev.cortado.wasm.V128;
import java.util.Optional;

/**
 * Where a {@link HostFunction} puts its results, valid only during the call. Setting a result with
 * the wrong setter for its type throws {@link IllegalArgumentException}.
 */
public interface Results {
  /** Returns the number of results. */
  int size();

  /** Sets i32 result {@code index}. */
  void setI32(int index, int value);

  /** Sets i64 result {@code index}. */
  void setI64(int index, long value);

  /** Sets f32 result {@code index}. */
  void setF32(int index, float value);

  /** Sets f64 result {@code index}. */
  void setF64(int index, double value);

  /** Sets v128 result {@code index}. */
  void setV128(int index, V128 value);

  /** Sets externref result {@code index}; empty means null. */
  void setExternRef(int index, Optional<Object> value);

  /** Sets funcref result {@code index}; empty means null. */
  void setFuncRef(int index, Optional<Func> value);

  /** Sets result {@code index} to {@code value}, which must have the result's type. */
  void set(int index, WasmValue value);
}
