package dev.cortado.runtime;

import java.util.Objects;

/** How an {@link Engine} compiles modules. Immutable: each {@code withX} returns a changed copy. */
public final class EngineConfig {
  private static final EngineConfig DEFAULTS = new EngineConfig(true, ExecutionEngine.AUTO, false);

  private final boolean parallelValidation;
  private final ExecutionEngine executionEngine;
  private final boolean eagerTierUp;

  private EngineConfig(
      boolean parallelValidation, ExecutionEngine executionEngine, boolean eagerTierUp) {
    this.parallelValidation = parallelValidation;
    this.executionEngine = executionEngine;
    this.eagerTierUp = eagerTierUp;
  }

  /**
   * Returns the defaults: validation of large modules uses every core; code runs tiered ({@link
   * ExecutionEngine#AUTO}), or only in the interpreter when the compiler is not on the class path.
   */
  public static EngineConfig defaults() {
    return DEFAULTS;
  }

  /** Returns whether function bodies of large modules are validated in parallel. */
  public boolean parallelValidation() {
    return parallelValidation;
  }

  /** Returns a copy that validates in parallel or not. */
  public EngineConfig withParallelValidation(boolean parallel) {
    return new EngineConfig(parallel, executionEngine, eagerTierUp);
  }

  /** Returns which engine runs the functions of modules compiled with this configuration. */
  public ExecutionEngine executionEngine() {
    return executionEngine;
  }

  /** Returns a copy whose modules run on {@code engine}. */
  public EngineConfig withExecutionEngine(ExecutionEngine engine) {
    return new EngineConfig(
        parallelValidation, Objects.requireNonNull(engine, "engine"), eagerTierUp);
  }

  /**
   * Returns whether {@link ExecutionEngine#AUTO} starts compiling a module in the background as
   * soon as it is instantiated, rather than once a store running it has run for a while.
   */
  public boolean eagerTierUp() {
    return eagerTierUp;
  }

  /** Returns a copy that tiers up eagerly or not (see {@link #eagerTierUp()}). */
  public EngineConfig withEagerTierUp(boolean eager) {
    return new EngineConfig(parallelValidation, executionEngine, eager);
  }
}
