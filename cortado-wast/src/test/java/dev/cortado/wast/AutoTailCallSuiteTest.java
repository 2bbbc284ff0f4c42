package dev.cortado.wast;

import dev.cortado.runtime.Engine;

/**
 * The tail-call scripts of the Wasm 3.0 suite ({@code return_call*.wast}) on the tiered engine,
 * tiering up as soon as each module is instantiated: functions making tail calls stay in the
 * interpreter while the others switch to compiled code under them.
 */
class AutoTailCallSuiteTest extends CompilerTailCallSuiteTest {
  @Override
  Engine engine() {
    return AutoWasm2SuiteTest.tieringEagerly();
  }
}
