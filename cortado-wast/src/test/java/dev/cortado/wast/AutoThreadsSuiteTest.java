package dev.cortado.wast;

import dev.cortado.runtime.Engine;

/**
 * The scripts of {@link InterpreterThreadsSuiteTest} on the tiered engine, tiering up as soon as
 * each module is instantiated.
 */
class AutoThreadsSuiteTest extends InterpreterThreadsSuiteTest {
  @Override
  Engine engine() {
    return AutoWasm2SuiteTest.tieringEagerly();
  }
}
