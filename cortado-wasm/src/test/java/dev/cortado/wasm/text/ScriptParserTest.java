package dev.cortado.wasm.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.wasm.Bytes;
import dev.cortado.wasm.HeapType;
import dev.cortado.wasm.MalformedException;
import dev.cortado.wasm.V128;
import dev.cortado.wasm.ValType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScriptParserTest {
  private static final String SCRIPT =
      """
      (module $m (func (export "f") (param i32) (result i32) (local.get 0)))
      (module binary "\\00asm" "\\01\\00\\00\\00")
      (module $q quote "(func)" " (memory 1)")
      (register "lib" $m)
      (invoke $m "f" (i32.const 7))
      (assert_return (invoke "f" (i32.const -1)) (i32.const 0xffffffff))
      (assert_return (get $m "g") (f32.const nan:canonical))
      (assert_return (invoke "h") (f64.const nan:arithmetic) (f64.const -0x1p-1074))
      (assert_return (invoke "v" (v128.const i16x8 1 2 3 4 5 6 7 -1))
        (v128.const f32x4 1 nan:canonical -0 nan:arithmetic))
      (assert_return (invoke "r" (ref.null extern) (ref.extern 3))
        (ref.null func) (ref.extern) (ref.func) (ref.extern 3))
      (assert_trap (invoke "t") "unreachable")
      (assert_trap (module (func $s unreachable) (start $s)) "unreachable")
      (assert_exhaustion (invoke "deep") "call stack exhausted")
      (assert_invalid (module (func (result i32))) "type mismatch")
      (assert_malformed (module quote "(func i32.foo)") "unknown operator")
      (assert_unlinkable (module (import "x" "y" (func))) "unknown import")
      (assert_uninstantiable (module (memory 0) (data (i32.const 1) "a")) "out of bounds")
      """;

  private final List<Command> commands = TextParser.parseScript(SCRIPT, "t.wast").commands();

  @Test
  void readsEveryCommandWithItsLine() {
    assertEquals(17, commands.size());
    assertEquals(
        List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 13, 14, 15, 16, 17, 18, 19),
        commands.stream().map(Command::line).toList());
    assertInstanceOf(Command.AssertModuleTrap.class, commands.get(11));
    assertInstanceOf(Command.AssertUninstantiable.class, commands.get(16));
  }

  @Test
  void keepsModulesInTheirThreeForms() {
    ModuleSource text = ((Command.DefineModule) commands.get(0)).module();
    assertEquals(Optional.of("m"), text.id());
    assertEquals(1, text.module().functions().size());
    ModuleSource binary = ((Command.DefineModule) commands.get(1)).module();
    assertEquals(
        new ModuleSource.Binary(
            Optional.empty(), Bytes.of(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0})),
        binary);
    ModuleSource quote = ((Command.DefineModule) commands.get(2)).module();
    assertEquals(Optional.of("q"), quote.id());
    assertEquals(1, quote.module().memories().size());
  }

  @Test
  void readsRegistrationsAndActions() {
    assertEquals(new Command.Register(4, "lib", Optional.of("m")), commands.get(3));
    assertEquals(
        new Command.Perform(
            5, new Action.Invoke(Optional.of("m"), "f", List.of(new WastValue.I32(7)))),
        commands.get(4));
    assertEquals(
        new Action.Get(Optional.of("m"), "g"), ((Command.AssertReturn) commands.get(6)).action());
  }

  @Test
  void readsExpectedResults() {
    assertEquals(List.of(new ExpectedResult.Exact(new WastValue.I32(-1))), expected(5));
    assertEquals(List.of(new ExpectedResult.CanonicalNan(ValType.F32)), expected(6));
    assertEquals(
        List.of(
            new ExpectedResult.ArithmeticNan(ValType.F64),
            new ExpectedResult.Exact(new WastValue.F64(0x8000000000000001L))),
        expected(7));
    assertEquals(
        List.of(
            new ExpectedResult.Exact(new WastValue.RefNull(HeapType.Abstract.FUNC)),
            new ExpectedResult.AnyExtern(),
            new ExpectedResult.AnyFunc(),
            new ExpectedResult.Exact(new WastValue.RefExtern(3))),
        expected(9));
  }

  @Test
  void readsVectorArgumentsAndLanePatterns() {
    Action.Invoke invoke = (Action.Invoke) ((Command.AssertReturn) commands.get(8)).action();
    assertEquals(
        new WastValue.Vector(new V128(0x0004_0003_0002_0001L, 0xFFFF_0007_0006_0005L)),
        invoke.args().get(0));
    assertEquals(
        List.of(
            new ExpectedResult.Lanes(
                LaneShape.F32X4,
                List.of(
                    new ExpectedResult.Exact(new WastValue.F32(0x3f800000)),
                    new ExpectedResult.CanonicalNan(ValType.F32),
                    new ExpectedResult.Exact(new WastValue.F32(0x80000000)),
                    new ExpectedResult.ArithmeticNan(ValType.F32)))),
        expected(8));
  }

  @Test
  void keepsIntegerLanesAsTheirBitsZeroExtended() {
    Command.AssertReturn c =
        (Command.AssertReturn)
            TextParser.parseScript(
                    "(assert_return (invoke \"f\") (v128.const i8x16 -1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 255))",
                    "t.wast")
                .commands()
                .get(0);
    ExpectedResult.Lanes lanes = (ExpectedResult.Lanes) c.expected().get(0);
    assertEquals(new ExpectedResult.Exact(new WastValue.I32(0xFF)), lanes.lanes().get(0));
    assertEquals(lanes.lanes().get(0), lanes.lanes().get(15));
    assertTrue(lanes.matches(new WastValue.Vector(new V128(0xFF, 0xFF00000000000000L))));
  }

  private List<ExpectedResult> expected(int command) {
    return ((Command.AssertReturn) commands.get(command)).expected();
  }

  @Test
  void readsTheModuleOfAnAssertion() {
    Command.AssertMalformed m = (Command.AssertMalformed) commands.get(14);
    assertEquals("unknown operator", m.message());
    assertThrows(MalformedException.class, m.module()::module);
    assertTrue(commands.get(13).moduleSource().isPresent());
    assertFalse(commands.get(12).moduleSource().isPresent());
  }

  @Test
  void readsAScriptOfModuleFieldsAsOneModule() {
    List<Command> c = TextParser.parseScript("(func) (memory 1)", "w.wat").commands();
    assertEquals(1, c.size());
    assertEquals(1, ((Command.DefineModule) c.get(0)).module().module().memories().size());
  }

  @Test
  void readsModuleDefinitionsAndInstances() {
    List<Command> c =
        TextParser.parseScript(
                """
                (module definition $M (memory 1))
                (module definition binary "\\00asm" "\\01\\00\\00\\00")
                (module instance $I1 $M)
                (module instance $I2)
                (module instance)
                """,
                "d.wast")
            .commands();
    Command.ModuleDefinition named = (Command.ModuleDefinition) c.get(0);
    assertEquals(Optional.of("M"), named.module().id());
    assertEquals(1, named.module().module().memories().size());
    Command.ModuleDefinition binary = (Command.ModuleDefinition) c.get(1);
    assertEquals(Optional.empty(), binary.module().id());
    assertInstanceOf(ModuleSource.Binary.class, binary.module());
    assertEquals(new Command.ModuleInstance(3, Optional.of("I1"), Optional.of("M")), c.get(2));
    assertEquals(new Command.ModuleInstance(4, Optional.of("I2"), Optional.empty()), c.get(3));
    assertEquals(new Command.ModuleInstance(5, Optional.empty(), Optional.empty()), c.get(4));
  }

  @Test
  void rejectsAModuleInstanceWithAField() {
    MalformedException e =
        assertThrows(
            MalformedException.class,
            () -> TextParser.parseScript("\n(module instance $I $M (memory 1))", "t.wast"));
    assertEquals(2, e.line().getAsInt());
    assertEquals(24, e.column().getAsInt());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "(assert_suspension (invoke \"f\") \"s\")",
        "(assert_return (invoke \"f\") (ref.cont))",
        "(frobnicate)"
      })
  void rejectsFormsBeyondWasm2(String script) {
    MalformedException e =
        assertThrows(MalformedException.class, () -> TextParser.parseScript(script, "t.wast"));
    assertEquals(1, e.line().getAsInt());
  }

  @Test
  void eitherMatchesAnyOfItsResults() {
    Command.AssertReturn a =
        (Command.AssertReturn)
            TextParser.parseScript(
                    "(assert_return (invoke \"f\") (either (i32.const 1) (f32.const nan:canonical)))",
                    "t.wast")
                .commands()
                .get(0);
    ExpectedResult either = a.expected().get(0);
    assertTrue(either.matches(new WastValue.I32(1)));
    assertTrue(either.matches(new WastValue.F32(0x7fc0_0000)));
    assertFalse(either.matches(new WastValue.I32(2)));
    assertThrows(
        MalformedException.class,
        () -> TextParser.parseScript("(assert_return (invoke \"f\") (either))", "t.wast"));
  }

  @Test
  void matchesNanPatternsOfEitherSign() {
    ExpectedResult canonical = new ExpectedResult.CanonicalNan(ValType.F32);
    ExpectedResult arithmetic = new ExpectedResult.ArithmeticNan(ValType.F32);
    assertTrue(canonical.matches(new WastValue.F32(0x7fc00000)));
    assertTrue(canonical.matches(new WastValue.F32(0xffc00000)));
    assertFalse(canonical.matches(new WastValue.F32(0x7fc00001)));
    assertTrue(arithmetic.matches(new WastValue.F32(0x7fc00001)));
    assertFalse(arithmetic.matches(new WastValue.F32(0x7f800001)));
    assertFalse(arithmetic.matches(new WastValue.F64(0x7ff8000000000000L)));
    assertTrue(
        new ExpectedResult.CanonicalNan(ValType.F64)
            .matches(new WastValue.F64(0xfff8000000000000L)));
  }

  @Test
  void matchesExactValuesBitwise() {
    ExpectedResult zero = new ExpectedResult.Exact(new WastValue.F32(0));
    assertTrue(zero.matches(new WastValue.F32(0)));
    assertFalse(zero.matches(new WastValue.F32(0x80000000)));
    assertFalse(zero.matches(new WastValue.I32(0)));
  }

  @Test
  void matchesVectorsLaneByLane() {
    ExpectedResult.Lanes lanes = (ExpectedResult.Lanes) expected(8).get(0);
    V128 match = new V128(0x7fc00000_3f800000L, 0x7fc00001_80000000L);
    assertTrue(lanes.matches(new WastValue.Vector(match)));
    assertFalse(lanes.matches(new WastValue.Vector(new V128(match.low(), 0x7fc00001_00000000L))));
    assertFalse(lanes.matches(new WastValue.I32(0)));
  }

  @Test
  void matchesAnyReference() {
    assertTrue(new ExpectedResult.AnyExtern().matches(new WastValue.RefExtern(9)));
    assertFalse(
        new ExpectedResult.AnyExtern().matches(new WastValue.RefNull(HeapType.Abstract.EXTERN)));
    assertTrue(new ExpectedResult.AnyFunc().matches(new WastValue.RefFunc(0)));
    assertFalse(new ExpectedResult.AnyFunc().matches(new WastValue.RefExtern(0)));
  }

  @Test
  void readsRefNullWithoutAHeapTypeAsAnyNullReference() {
    List<Command> c =
        TextParser.parseScript("(assert_return (invoke \"f\") (ref.null))", "t.wast").commands();
    ExpectedResult any = ((Command.AssertReturn) c.get(0)).expected().get(0);
    assertEquals(new ExpectedResult.AnyNull(), any);
    assertTrue(any.matches(new WastValue.RefNull(HeapType.Abstract.FUNC)));
    assertTrue(any.matches(new WastValue.RefNull(HeapType.Abstract.EXTERN)));
    assertFalse(any.matches(new WastValue.RefFunc(0)));
  }

  @Test
  void readsLimitsAsU64sForTheValidatorToCheck() {
    assertEquals(
        0x1_0000_0000L,
        TextParser.parseModule("(memory 0x1_0000_0000)").memories().get(0).limits().min());
    MalformedException e =
        assertThrows(
            MalformedException.class,
            () -> TextParser.parseModule("(memory 0 0x1_0000_0000_0000_0000)"));
    assertTrue(e.problem().startsWith("i64 constant out of range"), e.problem());
  }

  @Test
  void readsAssertionsAboutCustomAnnotations() {
    List<Command> c =
        TextParser.parseScript(
                """
                (assert_malformed_custom (module quote "(@custom)") "missing section name")
                (assert_invalid_custom (module (func)) "invalid target")
                """,
                "c.wast")
            .commands();
    Command.AssertCustom malformed = (Command.AssertCustom) c.get(0);
    assertFalse(malformed.invalid());
    assertEquals("missing section name", malformed.message());
    assertInstanceOf(ModuleSource.Quote.class, malformed.module());
    assertTrue(((Command.AssertCustom) c.get(1)).invalid());
    assertTrue(c.get(1).moduleSource().isPresent());
  }
}
