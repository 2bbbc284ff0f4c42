package dev.cortado.runtime.internal.interp;

import dev.cortado.wasm.CompositeType;
import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.ValType;

/** What lowering needs to know about the module around a function. */
interface LoweringContext {
  /** Returns the type of function {@code index} of the module's function index space. */
  FuncType functionType(int index);

  /** Returns the function type at {@code typeIndex} of the module's types. */
  FuncType type(int typeIndex);

  /** Returns the definition of type {@code typeIndex}: a function, struct or array type. */
  CompositeType composite(int typeIndex);

  /** Returns the value type of global {@code index}. */
  ValType globalType(int index);

  /** Returns the element type of table {@code index}. */
  ValType tableElementType(int index);

  /** Returns whether memory {@code index} has 64-bit addresses (memory64). */
  boolean memoryIs64(int index);

  /** Returns whether table {@code index} has 64-bit indexes (memory64). */
  boolean tableIs64(int index);

  /** Returns the type of tag {@code index}: its parameters are the exception's values. */
  FuncType tagType(int index);

  /** Returns the engine-wide id of type {@code typeIndex}, which {@code call_indirect} compares. */
  int typeId(int typeIndex);
}
