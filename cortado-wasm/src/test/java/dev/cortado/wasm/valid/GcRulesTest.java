package dev.cortado.wasm.valid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.wasm.InvalidException;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.binary.ModuleDecoder;
import dev.cortado.wasm.binary.ModuleEncoder;
import dev.cortado.wasm.text.TextParser;
import dev.cortado.wasm.text.TextPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Validation of the Wasm 3.0 GC instructions, and their round trip through binary and text. */
class GcRulesTest {
  private static final String TYPES =
      """
        (type $point (struct (field $x i32) (field $y (mut i32)) (field $tag i8)))
        (type $bytes (array (mut i8)))
        (type $frozen (array i32))
        (type $refs (array (mut anyref)))
      """;

  private static void validate(String body) {
    Validator.validate(TextParser.parseModule("(module " + TYPES + body + ")"));
  }

  @Test
  void everyGcInstructionSurvivesBinaryAndText() {
    WasmModule m =
        TextParser.parseModule(
            "(module "
                + TYPES
                + """
                  (data $d "abcd")
                  (elem $e anyref (ref.i31 (i32.const 1)))
                  (func (param $p (ref null $point)) (param $a anyref) (result i32)
                    (drop (struct.new $point (i32.const 1) (i32.const 2) (i32.const 3)))
                    (drop (struct.new_default $point))
                    (drop (struct.get $point $x (local.get $p)))
                    (drop (struct.get_s $point $tag (local.get $p)))
                    (struct.set $point $y (local.get $p) (i32.const 5))
                    (drop (array.new_fixed $frozen 2 (i32.const 1) (i32.const 2)))
                    (drop (array.new_data $bytes $d (i32.const 0) (i32.const 4)))
                    (drop (array.new_elem $refs $e (i32.const 0) (i32.const 1)))
                    (array.copy $bytes $bytes
                      (array.new_default $bytes (i32.const 4)) (i32.const 0)
                      (array.new_default $bytes (i32.const 4)) (i32.const 0) (i32.const 4))
                    (drop (ref.test (ref null $point) (local.get $a)))
                    (drop (ref.cast i31ref (local.get $a)))
                    (drop (block $l (result anyref)
                      (br_on_cast_fail $l anyref (ref $point) (local.get $a))
                      (drop)
                      (ref.null any)))
                    (drop (extern.convert_any (local.get $a)))
                    (i31.get_u (ref.i31 (i32.const 7))))
                )
                """);
    Validator.validate(m);
    assertEquals(m, ModuleDecoder.decode(ModuleEncoder.encode(m)));
    assertEquals(m, TextParser.parseModule(TextPrinter.print(m)));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "(func (drop (struct.get $point $tag (struct.new_default $point)))) | use _s or _u",
        "(func (drop (struct.get_u $point $x (struct.new_default $point)))) | reads a packed field",
        "(func (struct.set $point $x (struct.new_default $point) (i32.const 1))) | immutable field",
        "(func (drop (struct.get $point 9 (struct.new_default $point)))) | unknown field 9",
        "(func (drop (array.get $point (ref.null none) (i32.const 0)))) | not an array type",
        "(func (array.set $frozen (ref.null none) (i32.const 0) (i32.const 1))) | immutable array",
        "(elem $f funcref) (func (drop (array.new_elem $refs $f (i32.const 0) (i32.const 0))))"
            + " | does not fit",
        "(func (drop (ref.cast (ref $point) (ref.null func)))) | type mismatch",
        "(func (drop (ref.eq (ref.null func) (ref.null none)))) | type mismatch",
      })
  void rejectsMisuse(String body, String problem) {
    InvalidException e = assertThrows(InvalidException.class, () -> validate(body));
    assertTrue(e.getMessage().contains(problem), e.getMessage());
  }

  @Test
  void arrayNewFixedHasALimit() {
    StringBuilder b = new StringBuilder("(func (drop (array.new_fixed $frozen 10001");
    b.append(" (i32.const 0)".repeat(10_001)).append(")))");
    InvalidException e = assertThrows(InvalidException.class, () -> validate(b.toString()));
    assertTrue(e.getMessage().contains("limit of 10000"), e.getMessage());
  }
}
