package dev.cortado.wast;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.EngineConfig;
import dev.cortado.runtime.ExecutionEngine;
import java.util.Set;

/**
 * The scripts of the Wasm 3.0 suite for the 3.0 features the compiler handles, on the compiler:
 * tail calls ({@code return_call*.wast}; it leaves functions making them to the interpreter, so
 * calls cross between compiled code and interpreted tail-calling functions both ways) and relaxed
 * SIMD (compiled, through the same numerics as the interpreter); and exception handling, whose
 * modules the compiler leaves to the interpreter as a whole.
 */
class CompilerWasm3FeaturesSuiteTest extends SpecSuiteTest {
  private static final Set<String> EXCEPTIONS =
      Set.of("throw.wast", "throw_ref.wast", "try_table.wast", "tag.wast");

  @Override
  Engine engine() {
    return Engine.create(EngineConfig.defaults().withExecutionEngine(ExecutionEngine.COMPILER));
  }

  @Override
  String folder() {
    return "";
  }

  @Override
  boolean includes(String fileName) {
    return fileName.startsWith("return_call")
        || fileName.contains("relaxed")
        || EXCEPTIONS.contains(fileName);
  }

  @Override
  String expectedFailuresResource() {
    return "/expected-failures/wasm3-features-compiler.txt";
  }
}
