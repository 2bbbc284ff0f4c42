package dev.cortado.runtime;

import dev.cortado.wasm.FuncType;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The shared, thread-safe part of Cortado: configuration and what all modules compiled with it
 * share (function type identities). Create one per application and compile every module with it.
 */
public final class Engine {
  private final EngineConfig config;
  private final ConcurrentHashMap<FuncType, Integer> typeIds = new ConcurrentHashMap<>();
  private final AtomicInteger nextTypeId = new AtomicInteger();

  private Engine(EngineConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /** Returns an engine with the default configuration. */
  public static Engine create() {
    return new Engine(EngineConfig.defaults());
  }

  /** Returns an engine configured by {@code config}. */
  public static Engine create(EngineConfig config) {
    return new Engine(config);
  }

  /** Returns the configuration. */
  public EngineConfig config() {
    return config;
  }

  /**
   * Returns the engine-wide id of {@code type}: equal types get equal ids, so {@code call_indirect}
   * compares two ints.
   */
  int typeId(FuncType type) {
    return typeIds.computeIfAbsent(type, t -> nextTypeId.getAndIncrement());
  }
}
