package dev.cortado.runtime;

import dev.cortado.wasm.V128;
import java.util.Optional;

/**
 * The arguments of a call to a {@link HostFunction}, valid only during the call. Reading an
 * argument with the wrong accessor for its type throws {@link IllegalArgumentException}.
 */
public interface Arguments {
  /** Returns the number of arguments. */
  int size();

  /** Returns i32 argument {@code index}. */
  int i32(int index);

  /** Returns i64 argument {@code index}. */
  long i64(int index);

  /** Returns f32 argument {@code index}. */
  float f32(int index);

  /** Returns f64 argument {@code index}. */
  double f64(int index);

  /** Returns v128 argument {@code index}. */
  V128 v128(int index);

  /** Returns externref argument {@code index}, empty if null. */
  Optional<Object> externRef(int index);

  /** Returns funcref argument {@code index}, empty if null. */
  Optional<Func> funcRef(int index);

  /** Returns argument {@code index} as a value of its type. */
  WasmValue get(int index);
}
