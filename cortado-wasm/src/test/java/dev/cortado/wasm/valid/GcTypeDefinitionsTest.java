package dev.cortado.wasm.valid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.wasm.ArrayType;
import dev.cortado.wasm.FieldType;
import dev.cortado.wasm.InvalidException;
import dev.cortado.wasm.MalformedException;
import dev.cortado.wasm.PackedType;
import dev.cortado.wasm.StructType;
import dev.cortado.wasm.SubType;
import dev.cortado.wasm.ValType;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.WasmVersion;
import dev.cortado.wasm.binary.ModuleDecoder;
import dev.cortado.wasm.binary.ModuleEncoder;
import dev.cortado.wasm.text.TextParser;
import dev.cortado.wasm.text.TextPrinter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Wasm 3.0 GC type definitions: recursion groups, subtypes, struct and array types, through text,
 * binary, printer and validator.
 */
class GcTypeDefinitionsTest {
  private static final String WAT =
      """
      (module
        (rec
          (type $node (sub (struct (field $value i32) (field $next (ref null $node)))))
          (type $list (array (mut (ref null $node)))))
        (type $labelled (sub final $node
          (struct (field i32 (ref null $node)) (field (mut i8)))))
        (type $bytes (array (mut i8)))
        (type $f (func (param anyref eqref i31ref structref arrayref nullref)))
        (func (type $f)))
      """;

  @Test
  void structsArraysAndSubtypesSurviveTextBinaryAndPrinter() {
    WasmModule m = TextParser.parseModule(WAT);
    Validator.validate(m);
    assertEquals(4, m.recGroups().size());
    assertEquals(2, m.recGroups().get(0).types().size());
    SubType labelled = m.types().get(2);
    assertEquals(List.of(0), labelled.supertypes());
    assertTrue(labelled.isFinal());
    StructType s = assertInstanceOf(StructType.class, labelled.composite());
    assertEquals(new FieldType(PackedType.I8, true), s.fields().get(2));
    ArrayType bytes = assertInstanceOf(ArrayType.class, m.types().get(3).composite());
    assertEquals(new FieldType(PackedType.I8, true), bytes.element());
    assertEquals(m, ModuleDecoder.decode(ModuleEncoder.encode(m)));
    assertEquals(m, TextParser.parseModule(TextPrinter.print(m)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // A final type has no subtypes.
        "(module (type $a (struct)) (type (sub $a (struct))))",
        // A subtype's fields extend its supertype's, each a subtype (immutable) or the same.
        "(module (type $a (sub (struct (field i32)))) (type (sub $a (struct (field i64)))))",
        "(module (type $a (sub (struct (field (mut anyref))))) (type (sub $a (struct (field (mut"
            + " eqref))))))",
        "(module (type $a (sub (struct (field i32) (field i32)))) (type (sub $a (struct (field"
            + " i32)))))",
        // Struct below array, function parameters covariant.
        "(module (type $a (sub (array i8))) (type (sub $a (struct))))",
        "(module (type $a (sub (func (param eqref)))) (type (sub $a (func (param i31ref)))))",
        // A supertype comes first.
        "(module (rec (type (sub 1 (struct))) (type (sub (struct)))))"
      })
  void subtypesMustMatchTheirSupertype(String wat) {
    InvalidException e =
        assertThrows(InvalidException.class, () -> Validator.validate(TextParser.parseModule(wat)));
    assertTrue(
        e.getMessage().contains("sub type") || e.getMessage().contains("unknown type"),
        e.getMessage());
  }

  @Test
  void validSubtypesAndTheAnyHierarchy() {
    Validator.validate(
        TextParser.parseModule(
            """
            (module
              (type $a (sub (struct (field (ref null any)) (field (mut i32)))))
              (type $b (sub $a (struct (field (ref null eq)) (field (mut i32)) (field f64))))
              (type $g (sub (func (param i31ref) (result anyref))))
              (type $h (sub $g (func (param eqref) (result (ref $b)))))
              (func (param (ref null $b)) (result anyref) (local.get 0))
              (func (param i31ref) (result eqref) (local.get 0))
              (func (param nullref) (result (ref null $a)) (local.get 0)))
            """));
    InvalidException e =
        assertThrows(
            InvalidException.class,
            () ->
                Validator.validate(
                    TextParser.parseModule(
                        "(module (type $s (struct)) (func (param (ref $s)) (result funcref)"
                            + " (local.get 0)))")));
    assertTrue(e.getMessage().contains("type mismatch"), e.getMessage());
  }

  @Test
  void gcTypesAreWasm3() {
    String wat = "(module (type (struct (field i32))))";
    assertThrows(MalformedException.class, () -> TextParser.parseModule(wat, WasmVersion.WASM_2_0));
    byte[] binary = ModuleEncoder.encode(TextParser.parseModule(wat));
    assertThrows(
        MalformedException.class, () -> ModuleDecoder.decode(binary, WasmVersion.WASM_2_0));
    assertEquals(
        ValType.I32,
        ((StructType) ModuleDecoder.decode(binary).types().get(0).composite())
            .fields()
            .get(0)
            .storage());
  }
}
