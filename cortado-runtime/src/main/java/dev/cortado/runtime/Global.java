package dev.cortado.runtime;

import dev.cortado.runtime.internal.store.GlobalInstance;
import dev.cortado.wasm.GlobalType;
import java.util.Objects;

/** A global variable: a value of one type, mutable or not. */
public final class Global implements Extern {
  private final Store store;
  final GlobalInstance instance;

  Global(Store store, GlobalInstance instance) {
    this.store = store;
    this.instance = instance;
  }

  /** Returns a new global of {@code type} in {@code store}, holding {@code value}. */
  public static Global create(Store store, GlobalType type, WasmValue value) {
    Objects.requireNonNull(store, "store");
    Values.requireType(value, type.valueType(), "the global's value");
    GlobalInstance g = new GlobalInstance(type);
    Values.toGlobal(store, value, g);
    return new Global(store, g);
  }

  @Override
  public Store store() {
    return store;
  }

  /** Returns the type. */
  public GlobalType type() {
    return instance.type();
  }

  /** Returns the value. */
  public WasmValue get() {
    return Values.fromGlobal(store, instance);
  }

  /**
   * Sets the value.
   *
   * @throws IllegalStateException if the global is immutable
   * @throws IllegalArgumentException if {@code value} has another type
   */
  public void set(WasmValue value) {
    if (!instance.type().mutable()) {
      throw new IllegalStateException("the global is immutable");
    }
    Values.requireType(value, instance.type().valueType(), "the global's value", instance.owner);
    Values.toGlobal(store, value, instance);
  }
}
