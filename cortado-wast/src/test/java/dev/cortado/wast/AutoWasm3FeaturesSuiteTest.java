package dev.cortado.wast;

import dev.cortado.runtime.Engine;

/**
 * The scripts of {@link CompilerWasm3FeaturesSuiteTest} on the tiered engine, tiering up as soon as
 * each module is instantiated: functions making tail calls stay in the interpreter while the others
 * switch to compiled code under them.
 */
class AutoWasm3FeaturesSuiteTest extends CompilerWasm3FeaturesSuiteTest {
  @Override
  Engine engine() {
    return AutoWasm2SuiteTest.tieringEagerly();
  }
}
