package dev.cortado.runtime;

/** Instances for tests that run one module on each engine. */
final class TestInstances {
  private TestInstances() {}

  /**
   * Instantiates {@code wat} with no imports on engine {@code kind}, compiled functions switched in
   * as soon as they are ready and no code cache.
   */
  static Instance of(ExecutionEngine kind, String wat) {
    Module module = module(kind, wat);
    return Linker.create().instantiate(Store.create(module.engine()), module);
  }

  /** Compiles {@code wat} for a fresh engine of {@code kind}, configured as {@link #of} does. */
  static Module module(ExecutionEngine kind, String wat) {
    Engine engine =
        Engine.create(
            EngineConfig.defaults()
                .withExecutionEngine(kind)
                .withEagerTierUp(true)
                .withoutCodeCache());
    return Module.compileText(engine, wat);
  }
}
