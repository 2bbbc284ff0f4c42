package dev.cortado.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.Extern;
import dev.cortado.runtime.Func;
import dev.cortado.runtime.Instance;
import dev.cortado.runtime.Module;
import dev.cortado.runtime.Store;
import dev.cortado.wasm.FuncType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A core instance's exports found by name with a hint: the hint is taken only where the export
 * there has the name, so a stale or foreign hint still finds the right export, or none.
 */
class CoreExportsTest {
  private final Store store = Store.create(Engine.create());

  private CoreExports bundle(int n) {
    String[] names = new String[n];
    Extern[] externs = new Extern[n];
    for (int i = 0; i < n; i++) {
      // Names made at run time, so that they are equal to the looked-up names but not the same
      // objects: the lookups must not rely on identity.
      names[i] = new String("f" + i);
      externs[i] = Func.of(store, FuncType.of(List.of(), List.of()), (caller, args, res) -> {});
    }
    return CoreExports.of(names, externs);
  }

  @Test
  void aHintAtTheNamedExportIsTaken() {
    CoreExports exports = bundle(5);
    assertEquals(3, exports.find("f3", 3));
  }

  @Test
  void aHintAtAnotherExportIsIgnored() {
    for (int n : new int[] {5, 40}) { // scanned, and looked up in a map
      CoreExports exports = bundle(n);
      assertEquals(2, exports.find("f2", 4));
      assertEquals(2, exports.find("f2", -1));
      assertEquals(2, exports.find("f2", 1_000));
      assertEquals(n - 1, exports.find("f" + (n - 1), 0));
    }
  }

  @Test
  void aMissingNameIsNotFoundWhateverTheHint() {
    for (int n : new int[] {5, 40}) {
      CoreExports exports = bundle(n);
      assertEquals(-1, exports.find("g", 0));
      assertEquals(-1, exports.find("g", -1));
    }
  }

  @Test
  void aModuleInstancesExportsAreFoundInTheModulesOrder() {
    Module module =
        Module.compileText(
            store.engine(),
            "(module (func (export \"a\")) (memory (export \"m\") 1) (func (export \"b\")))");
    Instance instance = Instance.create(store, module, List.of());
    CoreExports exports = CoreExports.of(instance);
    assertEquals(3, exports.size());
    assertEquals(2, exports.find("b", 0));
    assertEquals(1, exports.find("m", 1));
    assertSame(instance.exports().get("b"), exports.at(exports.find("b", 2)));
    assertSame(instance.exports().get("m"), exports.at(1));
    assertEquals(-1, exports.find("c", 2));
  }
}
