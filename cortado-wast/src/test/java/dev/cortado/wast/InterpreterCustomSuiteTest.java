package dev.cortado.wast;

import dev.cortado.runtime.Engine;

/**
 * The suite's {@code custom/} scripts (annotations that make custom sections, names and branch
 * hints) on the interpreter, against their own expected-failure list.
 */
class InterpreterCustomSuiteTest extends SpecSuiteTest {
  @Override
  Engine engine() {
    return Engine.create();
  }

  @Override
  String folder() {
    return "custom";
  }

  @Override
  String expectedFailuresResource() {
    return "/expected-failures/custom-interpreter.txt";
  }
}
