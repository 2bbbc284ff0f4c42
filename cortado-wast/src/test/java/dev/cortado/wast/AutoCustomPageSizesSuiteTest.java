package dev.cortado.wast;

import dev.cortado.runtime.Engine;

/**
 * The scripts of {@link InterpreterCustomPageSizesSuiteTest} on the tiered engine, tiering up as
 * soon as each module is instantiated.
 */
class AutoCustomPageSizesSuiteTest extends InterpreterCustomPageSizesSuiteTest {
  @Override
  Engine engine() {
    return AutoWasm2SuiteTest.tieringEagerly();
  }
}
