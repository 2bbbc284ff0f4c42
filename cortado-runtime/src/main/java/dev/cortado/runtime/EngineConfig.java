package dev.cortado.runtime;

import java.util.Objects;

/** How an {@link Engine} compiles modules. Immutable: each {@code withX} returns a changed copy. */
public final class EngineConfig {
  private static final EngineConfig DEFAULTS = new EngineConfig(true, ExecutionEngine.INTERPRETER);

  private final boolean parallelValidation;
  private final ExecutionEngine executionEngine;

  private EngineConfig(boolean parallelValidation, ExecutionEngine executionEngine) {
    this.parallelValidation = parallelValidation;
    this.executionEngine = executionEngine;
  }

  /**
   * Returns the defaults: validation of large modules uses every core; the interpreter runs code.
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
    return new EngineConfig(parallel, executionEngine);
  }

  /** Returns which engine runs the functions of modules compiled with this configuration. */
  public ExecutionEngine executionEngine() {
    return executionEngine;
  }

  /** Returns a copy whose modules run on {@code engine}. */
  public EngineConfig withExecutionEngine(ExecutionEngine engine) {
    return new EngineConfig(parallelValidation, Objects.requireNonNull(engine, "engine"));
  }
}
