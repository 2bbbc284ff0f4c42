package dev.cortado.wast;

import dev.cortado.runtime.Engine;

/**
 * The suite's {@code legacy/} scripts on the tiered engine, tiering up as soon as each module is
 * instantiated, so exceptions cross between interpreted and compiled frames.
 */
class AutoLegacyExceptionsSuiteTest extends CompilerLegacyExceptionsSuiteTest {
  @Override
  Engine engine() {
    return AutoWasm2SuiteTest.tieringEagerly();
  }
}
