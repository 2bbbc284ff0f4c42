package dev.cortado.runtime;

/** How an {@link Engine} compiles modules. Immutable: each {@code withX} returns a changed copy. */
public final class EngineConfig {
  private static final EngineConfig DEFAULTS = new EngineConfig(true);

  private final boolean parallelValidation;

  private EngineConfig(boolean parallelValidation) {
    this.parallelValidation = parallelValidation;
  }

  /** Returns the defaults: validation of large modules uses every core. */
  public static EngineConfig defaults() {
    return DEFAULTS;
  }

  /** Returns whether function bodies of large modules are validated in parallel. */
  public boolean parallelValidation() {
    return parallelValidation;
  }

  /** Returns a copy that validates in parallel or not. */
  public EngineConfig withParallelValidation(boolean parallel) {
    return new EngineConfig(parallel);
  }
}
