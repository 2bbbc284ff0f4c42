package dev.cortado.compiler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.runtime.internal.compiled.CompiledModule;
import dev.cortado.runtime.internal.compiled.Support;
import dev.cortado.wasm.binary.ModuleDecoder;
import dev.cortado.wasm.valid.Validator;
import java.util.BitSet;
import org.junit.jupiter.api.Test;

/** How a module's generated entry class becomes its {@link CompiledModule}. */
class EntryInstantiationTest {
  private static ModuleClasses classes(int k) {
    return ModuleClasses.emit(
        Validator.validate(ModuleDecoder.decode(Fixtures.binary(k))), "cd".repeat(32));
  }

  private static ModuleClassLoader loader(ModuleClasses classes) {
    ModuleClassLoader loader =
        new ModuleClassLoader(classes.classes(), EntryInstantiationTest.class.getClassLoader());
    Support.exportInternalsTo(loader.getUnnamedModule());
    return loader;
  }

  private static String entryName(ModuleClasses classes) {
    return classes.entryClass().replace('/', '.');
  }

  @Test
  void aFreshEntryClassMakesItsInstanceAsItIsInitialized() throws Exception {
    ModuleClasses classes = classes(31);
    long before = CompiledModule.constructedCount();
    CompiledModule code =
        CompiledModule.instantiate(loader(classes), entryName(classes), classes.compiled());
    assertEquals(entryName(classes), code.getClass().getName());
    assertEquals(before, CompiledModule.constructedCount(), "no constructor call");
    for (int i = 0; i < 4; i++) {
      assertEquals(classes.compiled().get(i), code.compiles(i), "function " + i);
    }
    assertNull(CompiledModule.defining(), "the hand-over is cleared");
  }

  @Test
  void anEntryClassInitializedBeforeIsMadeThroughItsConstructor() throws Exception {
    // A precompiled module on the class path that a second engine loads again.
    ModuleClasses classes = classes(32);
    ModuleClassLoader loader = loader(classes);
    CompiledModule first =
        CompiledModule.instantiate(loader, entryName(classes), classes.compiled());
    long before = CompiledModule.constructedCount();
    BitSet none = new BitSet();
    CompiledModule second = CompiledModule.instantiate(loader, entryName(classes), none);
    assertEquals(before + 1, CompiledModule.constructedCount());
    assertNotSame(first, second);
    assertSame(first.getClass(), second.getClass());
    assertTrue(first.compiles(0));
    assertEquals(false, second.compiles(0), "made for its own set of compiled functions");
  }

  @Test
  void aMissingEntryClassFailsAndLeavesNothingHandedOver() {
    ModuleClasses classes = classes(33);
    assertThrows(
        ClassNotFoundException.class,
        () ->
            CompiledModule.instantiate(
                loader(classes), "dev.cortado.generated.NoSuchEntry", classes.compiled()));
    assertNull(CompiledModule.defining());
  }
}
