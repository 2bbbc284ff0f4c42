package dev.cortado.wast;

import dev.cortado.runtime.Engine;

/**
 * The script of {@link InterpreterWideArithmeticSuiteTest} on the tiered engine, tiering up as soon
 * as each module is instantiated.
 */
class AutoWideArithmeticSuiteTest extends InterpreterWideArithmeticSuiteTest {
  @Override
  Engine engine() {
    return AutoWasm2SuiteTest.tieringEagerly();
  }
}
