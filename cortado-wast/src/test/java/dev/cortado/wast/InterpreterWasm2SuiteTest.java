package dev.cortado.wast;

import dev.cortado.runtime.Engine;

/** The Wasm 2.0 spec suite on the interpreter. */
class InterpreterWasm2SuiteTest extends SpecSuiteTest {
  @Override
  Engine engine() {
    return Engine.create();
  }

  @Override
  String folder() {
    return "pre-3.0";
  }

  @Override
  String expectedFailuresResource() {
    return "/expected-failures/wasm2-interpreter.txt";
  }
}
