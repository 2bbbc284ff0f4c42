/**
 * Differential testing of the compiler against the interpreter: random modules from binaryen
 * ({@link dev.cortado.compiler.fuzz.InterpreterCompilerFuzzTest}), past divergences kept as files
 * ({@link dev.cortado.compiler.fuzz.FuzzRegressionsTest}), and what a run of one module on one
 * engine records and how two such records compare ({@link dev.cortado.compiler.fuzz.EngineRun},
 * {@link dev.cortado.compiler.fuzz.Outcome}).
 */
package dev.cortado.compiler.fuzz;
