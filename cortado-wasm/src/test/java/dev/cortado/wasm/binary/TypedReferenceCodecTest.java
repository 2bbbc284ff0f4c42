package dev.cortado.wasm.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.HeapType;
import dev.cortado.wasm.MalformedException;
import dev.cortado.wasm.RefType;
import dev.cortado.wasm.ValType;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.internal.ByteReader;
import dev.cortado.wasm.text.TextParser;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Binary encoding of Wasm 3.0's reference types {@code (ref null? ht)} and heap types. */
class TypedReferenceCodecTest {
  private static ValType decodeValType(String hex) {
    byte[] b = HexFormat.of().parseHex(hex.replace(" ", ""));
    return new ByteReader(b, 0, b.length, 0, "test").valType();
  }

  @ParameterizedTest
  @CsvSource({
    "70, funcref",
    "6f, externref",
    "73, nullfuncref",
    "72, nullexternref",
    "64 70, (ref func)",
    "63 6f, externref",
    "64 00, (ref 0)",
    "63 c8 01, (ref null 200)",
    "64 73, (ref nofunc)",
  })
  void decodesValueTypes(String hex, String text) {
    assertEquals(text, decodeValType(hex).text());
  }

  @Test
  void encodesTheShortFormOnlyForNullableAbstractTypes() {
    ByteWriter out = new ByteWriter(16);
    out.valType(RefType.FUNCREF)
        .valType(new RefType(false, HeapType.Abstract.EXTERN))
        .valType(new RefType(true, new HeapType.Concrete(200)));
    assertEquals("70646f63c801", HexFormat.of().formatHex(out.toArray()));
  }

  @Test
  void rejectsAnUnknownHeapType() {
    MalformedException e = assertThrows(MalformedException.class, () -> decodeValType("64 7f"));
    assertTrue(e.problem().startsWith("malformed reference type"), e.problem());
  }

  @Test
  void aModuleWithTypedReferencesReadsBackFromItsBinary() {
    WasmModule m =
        TextParser.parseModule(
            """
            (module
              (type $t (func (param (ref null $t)) (result (ref $t))))
              (type $u (func (param i32) (result i32)))
              (func $f (type $t) (ref.as_non_null (local.get 0)))
              (func (param (ref null $u)) (result i32) (local (ref null extern))
                (block $l (result (ref $u))
                  (br_on_non_null $l (local.get 0))
                  (br_on_null 0 (local.get 0))
                  (return_call_ref $u (i32.const 1)))
                (call_ref $u (i32.const 2)))
              (table 1 (ref null $t))
              (global (ref null $u) (ref.null $u))
              (elem declare func $f))
            """);
    WasmModule back = ModuleDecoder.decode(ModuleEncoder.encode(m));
    assertEquals(m.types(), back.types());
    assertEquals(m.functions(), back.functions());
    assertEquals(m.tables(), back.tables());
    assertEquals(m.globals(), back.globals());
    assertEquals(m.elements(), back.elements());
    FuncType t = (FuncType) back.types().get(0).composite();
    assertEquals(List.of(new RefType(true, new HeapType.Concrete(0))), t.params());
  }
}
