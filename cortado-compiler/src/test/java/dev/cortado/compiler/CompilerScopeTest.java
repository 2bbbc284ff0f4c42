package dev.cortado.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.EngineConfig;
import dev.cortado.runtime.ExecutionEngine;
import dev.cortado.runtime.Instance;
import dev.cortado.runtime.Linker;
import dev.cortado.runtime.Module;
import dev.cortado.runtime.Store;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A module using Wasm 3.0 types the compiler does not handle yet runs in the interpreter. */
class CompilerScopeTest {
  private static final String TYPED_REFERENCES =
      """
      (module
        (type $t (func (result i32)))
        (func $seven (type $t) (i32.const 7))
        (func (export "f") (result i32) (local $r (ref null $t))
          (i32.add (call $seven) (i32.const 35))))
      """;

  @ParameterizedTest
  @EnumSource(
      value = ExecutionEngine.class,
      names = {"COMPILER", "AUTO"})
  void aModuleWithTypedReferencesRunsInTheInterpreter(ExecutionEngine kind) {
    Engine engine =
        Engine.create(
            EngineConfig.defaults()
                .withExecutionEngine(kind)
                .withEagerTierUp(true)
                .withoutCodeCache());
    Instance i =
        Linker.create()
            .instantiate(Store.create(engine), Module.compileText(engine, TYPED_REFERENCES));
    assertEquals(42, i.func("f").orElseThrow().asIntSupplier().getAsInt());
  }
}
