package dev.cortado.runtime.internal.store;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * The {@link RuntimeType}s of an engine, by engine-wide type id: one object per id, so that two
 * modules' equivalent types are the same object at runtime. Thread-safe.
 */
public final class TypeRegistry {
  private final ConcurrentHashMap<Integer, RuntimeType> types = new ConcurrentHashMap<>();

  /** Returns the type of {@code id}, creating it with {@code create} the first time. */
  public RuntimeType get(int id, IntFunction<RuntimeType> create) {
    RuntimeType t = types.get(id);
    return t != null ? t : types.computeIfAbsent(id, create::apply);
  }

  /** Returns the type of {@code id}; it must exist. */
  public RuntimeType get(int id) {
    RuntimeType t = types.get(id);
    if (t == null) {
      throw new IllegalStateException("no runtime type with id " + id);
    }
    return t;
  }
}
