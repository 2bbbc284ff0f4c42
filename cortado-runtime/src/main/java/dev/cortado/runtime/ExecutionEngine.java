package dev.cortado.runtime;

/**
 * Which engine runs a module's functions.
 *
 * @see EngineConfig#withExecutionEngine(ExecutionEngine)
 */
public enum ExecutionEngine {
  /** The interpreter: starts at once, runs every function from lowered code. */
  INTERPRETER,

  /**
   * The compiler to JVM bytecode (the {@code cortado-compiler} module, which must be on the class
   * or module path): every function is compiled before the module's first instantiation, and
   * HotSpot compiles the bytecode to machine code.
   */
  COMPILER,

  /**
   * Both, tiered: a module starts in the interpreter, and once a store running it has run for a
   * while (about a million loop iterations and calls), it is compiled on a background thread; calls
   * made after that run the compiled code, without a pause of the running program.
   */
  AUTO
}
