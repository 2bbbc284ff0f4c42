package dev.cortado.wasm.valid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.text.TextParser;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Canonical type keys: equal exactly for equivalent types, in one module or across modules. */
class TypeKeysTest {
  // One numbering shared by every module of a test, as an engine's.
  private final Map<String, Integer> ids = new HashMap<>();

  private int[] ids(String wat) {
    WasmModule m = TextParser.parseModule(wat);
    return TypeKeys.ids(m.recGroups(), key -> ids.computeIfAbsent(key, k -> ids.size()));
  }

  @Test
  void typesWrittenTwiceAreTheSame() {
    int[] t = ids("(module (type (func (param i32))) (type (func (param i32))) (type (func)))");
    assertEquals(t[0], t[1]);
    assertNotEquals(t[0], t[2]);
  }

  @Test
  void typesNamingEquivalentTypesAreTheSameAcrossModules() {
    int[] a = ids("(module (type $v (func)) (type (func (param (ref $v)))))");
    int[] b =
        ids("(module (type (func (param f32))) (type $w (func)) (type (func (param (ref $w)))))");
    assertEquals(a[1], b[2]);
    int[] c = ids("(module (type $v (func)) (type (func (param (ref null $v)))))");
    assertNotEquals(a[1], c[1]);
  }

  @Test
  void aTypeNamingItselfIsKeyedWithinItsGroup() {
    int[] a = ids("(module (type $t (func (param (ref $t)))))");
    int[] b = ids("(module (type (func)) (type $u (func (param (ref $u)))))");
    assertEquals(a[0], b[1]);
  }

  @Test
  void aHostFunctionTypeHasTheKeyOfTheSameTypeInAModule() {
    WasmModule m = TextParser.parseModule("(module (type (func (param i64) (result funcref))))");
    String key = TypeKeys.key(m.recGroups().get(0), 0, 0, i -> -1);
    assertEquals(key, TypeKeys.key((FuncType) m.types().get(0).composite()));
  }
}
