package dev.cortado.wast;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.EngineConfig;
import dev.cortado.runtime.ExecutionEngine;

/**
 * The tail-call scripts of the Wasm 3.0 suite ({@code return_call*.wast}) on the compiler, which
 * leaves functions making tail calls to the interpreter: calls cross between compiled code and
 * interpreted tail-calling functions both ways.
 */
class CompilerTailCallSuiteTest extends SpecSuiteTest {
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
    return fileName.startsWith("return_call");
  }

  @Override
  String expectedFailuresResource() {
    return "/expected-failures/wasm3-tail-calls-compiler.txt";
  }
}
