package dev.cortado.component;

import static dev.cortado.component.ComponentWriter.bytes;
import static dev.cortado.component.ComponentWriter.name;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.Store;
import dev.cortado.wasm.Bytes;
import dev.cortado.wasm.binary.ModuleEncoder;
import dev.cortado.wasm.text.TextParser;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Instantiation tries each name where the last instantiation found it: a nested component
 * instantiated twice, with core modules that export its import's function at different positions,
 * finds the right one each time, and so does every later instantiation.
 */
class InstantiationHintsTest {
  private static byte[] module(String wat) {
    return ModuleEncoder.encode(TextParser.parseModule(wat));
  }

  /**
   * A component that imports core module "m" exporting "f" (func (result i32)), instantiates it,
   * and exports "run": f lifted as func() -> u32.
   */
  private static byte[] runsItsModulesF() {
    ComponentWriter w = new ComponentWriter();
    // core type 0: (module (type (func (result i32))) (export "f" (func (type 0))))
    w.section(3, bytes(0x50, 2, 0x01, 0x60, 0, 1, 0x7f, 0x03, name("f"), 0x00, 0));
    w.section(10, bytes(0x00, name("m"), 0x00, 0x11, 0)); // import "m" (core module (type 0))
    w.section(2, bytes(0x00, 0, 0)); // core instance 0: core module 0, no arguments
    w.section(6, bytes(0x00, 0x00, 0x01, 0, name("f"))); // core func 0: core instance 0's "f"
    w.section(7, bytes(0x40, 0, 0x00, 0x79)); // type 0: func() -> u32
    w.section(8, bytes(0x00, 0x00, 0, 0, 0)); // func 0: lift core func 0, no options, type 0
    w.section(11, bytes(0x00, name("run"), 0x01, 0, 0x00)); // export "run" (func 0)
    return w.toBytes();
  }

  private static Component twoInstances() {
    ComponentWriter w = new ComponentWriter();
    w.raw(
        1,
        module(
            "(module (func (export \"g\") (result i32) i32.const 7)"
                + " (func (export \"f\") (result i32) i32.const 1))"));
    w.raw(1, module("(module (func (export \"f\") (result i32) i32.const 2))"));
    w.raw(4, runsItsModulesF()); // component 0
    // instances 0 and 1: component 0 with "m" as core module 0, then as core module 1
    w.section(
        5,
        bytes(0x00, 0, 1, name("m"), 0x00, 0x11, 0),
        bytes(0x00, 0, 1, name("m"), 0x00, 0x11, 1));
    w.section(6, bytes(0x01, 0x00, 0, name("run")), bytes(0x01, 0x00, 1, name("run")));
    w.section(11, bytes(0x00, name("a"), 0x01, 0, 0x00), bytes(0x00, name("b"), 0x01, 1, 0x00));
    return Component.decode(Bytes.of(w.toBytes()));
  }

  private static long call(ComponentInstance instance, String name) {
    Optional<ComponentValue> v = instance.function(name).orElseThrow().call();
    return ((ComponentValue.Int) v.orElseThrow()).value();
  }

  @Test
  void eachInstantiationFindsTheExportItsModuleHasWhereverThatIs() {
    Component c = twoInstances();
    c.validate();
    Engine engine = Engine.create();
    CompiledComponent compiled = CompiledComponent.compile(engine, c);
    ComponentLinker linker = ComponentLinker.create();
    for (int round = 0; round < 3; round++) {
      ComponentInstance instance = linker.instantiate(Store.create(engine), compiled);
      assertEquals(1, call(instance, "a"));
      assertEquals(2, call(instance, "b"));
    }
  }
}
