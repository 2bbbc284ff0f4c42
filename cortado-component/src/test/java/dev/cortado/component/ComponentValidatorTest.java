package dev.cortado.component;

import static dev.cortado.component.ComponentWriter.bytes;
import static dev.cortado.component.ComponentWriter.name;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.wasm.Bytes;
import dev.cortado.wasm.binary.ModuleEncoder;
import dev.cortado.wasm.text.TextParser;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Component validation: real components pass, each broken rule is named. */
class ComponentValidatorTest {
  private static Component resource(String path) throws IOException {
    try (InputStream in = ComponentValidatorTest.class.getResourceAsStream(path)) {
      return Component.decode(Bytes.of(in.readAllBytes()));
    }
  }

  @Test
  void everyRealComponentIsValid() throws IOException {
    for (String p :
        List.of(
            "/components/hello.wasm",
            "/components/js/hello.wasm",
            "/components/programs/files.wasm",
            "/components/programs/go_runtime.wasm",
            "/components/programs/rust_io.wasm")) {
      resource(p).validate();
    }
    Component.decode(Bytes.of(Greeter.binary())).validate();
  }

  private static final byte[] ADD =
      ModuleEncoder.encode(
          TextParser.parseModule(
              "(module (memory (export \"m\") 1)"
                  + " (func (export \"add\") (param i32 i32) (result i32)"
                  + " (i32.add (local.get 0) (local.get 1))))"));

  /**
   * A component lifting core "add" as type {@code type}, with {@code options}, then {@code more}.
   */
  private static String invalid(byte[] type, byte[] lift, byte[]... more) {
    ComponentWriter w = new ComponentWriter();
    w.raw(1, ADD);
    w.section(2, bytes(0x00, 0, 0));
    w.section(6, bytes(0x00, 0x00, 0x01, 0, name("add")), bytes(0x00, 0x02, 0x01, 0, name("m")));
    w.section(7, type);
    w.section(8, lift);
    for (byte[] section : more) {
      w.raw(section[0], java.util.Arrays.copyOfRange(section, 1, section.length));
    }
    Component c = Component.decode(Bytes.of(w.toBytes()));
    return assertThrows(ComponentInvalidException.class, c::validate).getMessage();
  }

  private static final byte[] ADD_TYPE =
      bytes(0x40, 2, name("a"), 0x79, name("b"), 0x79, 0x00, 0x79);

  @Test
  void aLiftedCoreFunctionOfTheWrongTypeIsNamed() {
    byte[] oneParam = bytes(0x40, 1, name("a"), 0x79, 0x00, 0x79);
    String m = invalid(oneParam, bytes(0x00, 0x00, 0, 0, 0));
    assertTrue(m.contains("the lifted core function has type"), m);
  }

  @Test
  void anIndexOutOfRangeIsNamed() {
    String m = invalid(ADD_TYPE, bytes(0x00, 0x00, 7, 0, 0));
    assertTrue(m.contains("core func index 7 is out of range (1 defined)"), m);
  }

  @Test
  void aStringWithoutMemoryOrReallocIsRefused() {
    byte[] stringParam = bytes(0x40, 1, name("s"), 0x73, 0x00, 0x79);
    String m = invalid(stringParam, bytes(0x00, 0x00, 0, 0, 0));
    // The core function takes (i32 i32): the flattened string; the memory option is missing.
    assertTrue(m.contains("has no memory option"), m);
  }

  @Test
  void duplicateExportNamesAreRefused() {
    // An export section (id 11): two exports of func 0, both named "add".
    byte[] exports =
        bytes(11, 2, 0x00, name("add"), 0x01, 0, 0x00, 0x00, name("add"), 0x01, 0, 0x00);
    String m = invalid(ADD_TYPE, bytes(0x00, 0x00, 0, 0, 0), exports);
    assertTrue(m.contains("two exports are named \"add\""), m);
  }

  /** Module 0 instantiated without arguments, then again with instance 0 twice as "x". */
  private static Component argumentTwice() {
    ComponentWriter w = new ComponentWriter();
    w.raw(1, ADD);
    w.section(2, bytes(0x00, 0, 0), bytes(0x00, 0, 2, name("x"), 0x12, 0, name("x"), 0x12, 0));
    return Component.decode(Bytes.of(w.toBytes()));
  }

  @Test
  void aCoreInstantiationNamingAnArgumentTwiceIsRefused() {
    Component c = argumentTwice();
    String m = assertThrows(ComponentInvalidException.class, c::validate).getMessage();
    assertTrue(m.contains("names its argument \"x\" twice"), m);
  }

  @Test
  void aCoreInstantiationNamingAnArgumentTwiceIsNotCompiledEither() {
    Component c = argumentTwice();
    String m =
        assertThrows(
                ComponentLinkException.class,
                () -> CompiledComponent.compile(dev.cortado.runtime.Engine.create(), c))
            .getMessage();
    assertTrue(m.contains("names its argument \"x\" twice"), m);
  }

  @Test
  void anInvalidCoreModuleIsNamed() {
    byte[] bad = ModuleEncoder.encode(TextParser.parseModule("(module (func (result i32)))"));
    ComponentWriter w = new ComponentWriter();
    w.raw(1, bad);
    String m =
        assertThrows(
                ComponentInvalidException.class,
                () -> Component.decode(Bytes.of(w.toBytes())).validate())
            .getMessage();
    assertTrue(m.contains("its core module at byte"), m);
  }

  @Test
  void aNestedComponentInstantiatedWithoutItsImportIsRefused() {
    ComponentWriter nested = new ComponentWriter();
    nested.section(7, bytes(0x40, 0, 0x01, 0)); // type 0: func()
    nested.section(10, bytes(0x00, name("f"), 0x01, 0)); // import "f" (func (type 0))
    ComponentWriter outer = new ComponentWriter();
    outer.raw(4, nested.toBytes()); // component 0
    outer.section(5, bytes(0x00, 0, 0)); // instance 0: instantiate component 0, no arguments
    Component c = Component.decode(Bytes.of(outer.toBytes()));
    String m = assertThrows(ComponentInvalidException.class, c::validate).getMessage();
    assertTrue(m.contains("gives nothing for its import \"f\""), m);
  }

  /** A component importing "f" (func (param "a" u32)), to be instantiated by an outer one. */
  private static byte[] wantsFunctionOfU32() {
    ComponentWriter nested = new ComponentWriter();
    nested.section(7, bytes(0x40, 1, name("a"), 0x79, 0x01, 0)); // type 0: func(a: u32)
    nested.section(10, bytes(0x00, name("f"), 0x01, 0)); // import "f" (func (type 0))
    return nested.toBytes();
  }

  /** An outer component importing "g" of {@code type}, instantiating {@code nested} with it. */
  private static String instantiated(byte[] type, byte[] nested) {
    ComponentWriter outer = new ComponentWriter();
    outer.section(7, type); // type 0
    outer.section(10, bytes(0x00, name("g"), 0x01, 0)); // import "g" (func (type 0)): func 0
    outer.raw(4, nested); // component 0
    outer.section(5, bytes(0x00, 0, 1, name("f"), 0x01, 0)); // instantiate 0 (with "f" (func 0))
    Component c = Component.decode(Bytes.of(outer.toBytes()));
    try {
      c.validate();
      return "";
    } catch (ComponentInvalidException e) {
      return e.getMessage();
    }
  }

  @Test
  void anInstantiationArgumentOfTheDeclaredFunctionTypeIsAccepted() {
    assertEquals("", instantiated(bytes(0x40, 1, name("a"), 0x79, 0x01, 0), wantsFunctionOfU32()));
  }

  @Test
  void anInstantiationArgumentOfAnotherFunctionTypeIsRefused() {
    String none = instantiated(bytes(0x40, 0, 0x01, 0), wantsFunctionOfU32());
    assertTrue(
        none.contains("gives its import \"f\" a function of type func()")
            && none.contains("asks for func(a: u32)"),
        none);
    // The same parameter under another name, or of another type, is another function type.
    String renamed = instantiated(bytes(0x40, 1, name("b"), 0x79, 0x01, 0), wantsFunctionOfU32());
    assertTrue(renamed.contains("asks for func(a: u32)"), renamed);
    String wider = instantiated(bytes(0x40, 1, name("a"), 0x78, 0x01, 0), wantsFunctionOfU32());
    assertTrue(wider.contains("asks for func(a: u32)"), wider);
  }

  @Test
  void anInstanceArgumentLackingAnExportTheImportListsIsRefused() {
    ComponentWriter nested = new ComponentWriter();
    // type 0: (instance (type 0 (func)) (export "f" (func (type 0))))
    nested.section(7, bytes(0x42, 2, 0x01, 0x40, 0, 0x01, 0, 0x04, 0x00, name("f"), 0x01, 0));
    nested.section(10, bytes(0x00, name("i"), 0x05, 0)); // import "i" (instance (type 0))
    ComponentWriter outer = new ComponentWriter();
    outer.section(5, bytes(0x01, 0)); // instance 0: exports nothing
    outer.raw(4, nested.toBytes()); // component 0
    outer.section(5, bytes(0x00, 0, 1, name("i"), 0x05, 0)); // instantiate 0 (with "i" instance 0)
    Component c = Component.decode(Bytes.of(outer.toBytes()));
    String m = assertThrows(ComponentInvalidException.class, c::validate).getMessage();
    assertTrue(m.contains("gives its import \"i\" an instance without its export \"f\""), m);
  }

  @Test
  void anExportAscribedAnotherFunctionTypeIsRefused() {
    ComponentWriter w = new ComponentWriter();
    w.section(7, bytes(0x40, 0, 0x01, 0), bytes(0x40, 1, name("a"), 0x79, 0x01, 0)); // types 0, 1
    w.section(10, bytes(0x00, name("g"), 0x01, 0)); // import "g" (func (type 0)): func 0
    // export "e" (func 0) (func (type 1)), and "same" (func 0) (func (type 0))
    w.section(
        11,
        bytes(0x00, name("same"), 0x01, 0, 0x01, 0x01, 0),
        bytes(0x00, name("e"), 0x01, 0, 0x01, 0x01, 1));
    Component c = Component.decode(Bytes.of(w.toBytes()));
    String m = assertThrows(ComponentInvalidException.class, c::validate).getMessage();
    assertTrue(
        m.contains("export \"e\" is a function of type func() but is ascribed func(a: u32)"), m);
  }
}
