package dev.cortado.runtime;

import dev.cortado.runtime.internal.store.TableInstance;
import dev.cortado.wasm.TableType;
import java.util.Objects;

/** A table of references (functions or host objects), indexed from 0. */
public final class Table implements Extern {
  private final Store store;
  final TableInstance instance;

  Table(Store store, TableInstance instance) {
    this.store = store;
    this.instance = instance;
  }

  /** Returns a new table of {@code type} in {@code store}, every element {@code init}. */
  public static Table create(Store store, TableType type, WasmValue init) {
    Objects.requireNonNull(store, "store");
    Values.requireType(init, type.elementType(), "the initial element");
    return new Table(store, Instantiation.newTable(store, type, Values.toRef(store, init)));
  }

  @Override
  public Store store() {
    return store;
  }

  /** Returns the type: the current size as minimum, and the maximum. */
  public TableType type() {
    return new TableType(
        instance.type().elementType(),
        Instantiation.currentLimits(instance.size, instance.type().limits()));
  }

  /** Returns the number of elements. */
  public int size() {
    return instance.size;
  }

  /**
   * Returns element {@code index}.
   *
   * @throws Trap if {@code index} is outside the table
   */
  public WasmValue get(int index) {
    return Values.fromRef(
        store, instance.get(index), instance.type().elementType(), instance.owner);
  }

  /**
   * Sets element {@code index}.
   *
   * @throws Trap if {@code index} is outside the table
   */
  public void set(int index, WasmValue value) {
    Values.requireType(value, instance.type().elementType(), "the element", instance.owner);
    instance.set(index, Values.toRef(store, value));
  }

  /** Grows by {@code delta} elements set to {@code init}; returns the old size, or -1. */
  public int grow(int delta, WasmValue init) {
    if (delta < 0) {
      throw new IllegalArgumentException("delta must not be negative: " + delta);
    }
    Values.requireType(init, instance.type().elementType(), "the initial element", instance.owner);
    return instance.grow(delta, Values.toRef(store, init));
  }
}
