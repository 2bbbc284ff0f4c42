package dev.cortado.runtime;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Linking with Wasm 3.0 GC type definitions: a struct or array type sits below {@code struct} or
 * {@code array}, {@code eq} and {@code any}, never below {@code func}.
 */
class GcTypesLinkingTest {
  private static final String EXPORTER =
      """
      (module
        (type $s (struct (field i32)))
        (type $a (array i8))
        (global (export "s") (ref null $s) (ref.null $s))
        (global (export "a") (ref null $a) (ref.null $a)))
      """;

  private static void link(String importer) {
    Engine engine = Engine.create(EngineConfig.defaults().withoutCodeCache());
    Store store = Store.create(engine);
    Instance m = Linker.create().instantiate(store, Module.compileText(engine, EXPORTER));
    Linker.create().define("m", m).instantiate(store, Module.compileText(engine, importer));
  }

  @Test
  void aStructOrArrayGlobalMatchesTheAbstractTypesAboveIt() {
    link(
        """
        (module
          (global (import "m" "s") structref)
          (global (import "m" "s") eqref)
          (global (import "m" "s") anyref)
          (global (import "m" "a") arrayref)
          (global (import "m" "a") (ref null eq)))
        """);
  }

  @Test
  void aStructGlobalIsNotAFunctionOrAnArray() {
    assertThrows(
        UnlinkableException.class, () -> link("(module (global (import \"m\" \"s\") funcref))"));
    assertThrows(
        UnlinkableException.class, () -> link("(module (global (import \"m\" \"s\") arrayref))"));
    assertThrows(
        UnlinkableException.class, () -> link("(module (global (import \"m\" \"a\") i31ref))"));
  }
}
