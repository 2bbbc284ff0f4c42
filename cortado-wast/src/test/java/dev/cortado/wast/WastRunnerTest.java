package dev.cortado.wast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.runtime.Engine;
import java.util.List;
import org.junit.jupiter.api.Test;

class WastRunnerTest {
  private static final String PASSING =
      "(module (func (export \"f\") (result i32) (i32.const 7)))\n"
          + "(assert_return (invoke \"f\") (i32.const 7))\n";

  private static final String FAILING_LINE_3 =
      PASSING + "(assert_return (invoke \"f\") (i32.const 8))\n";

  private static final String UNPARSEABLE =
      PASSING + "(assert_return (invoke \"f\")\n  (i32.frob 7))\n";

  private static FileResult run(String script, String expectedFailures) {
    return WastRunner.create(Engine.create())
        .withExpectedFailures(ExpectedFailures.parse(expectedFailures))
        .run(script, "t.wast");
  }

  @Test
  void resultPatternsOfWasm3ReferencesMatch() {
    String script =
        """
        (module
          (tag $t)
          (type $s (struct))
          (func (export "exn") (result exnref)
            (block $h (result exnref)
              (try_table (catch_all_ref $h) (throw $t))
              (unreachable)))
          (func (export "struct") (result anyref) (struct.new $s))
          (func (export "i31") (result anyref) (ref.i31 (i32.const 1)))
          (func (export "host") (param externref) (result anyref)
            (any.convert_extern (local.get 0))))
        (assert_return (invoke "exn") (ref.exn))
        (assert_return (invoke "struct") (ref.struct))
        (assert_return (invoke "struct") (ref.eq))
        (assert_return (invoke "i31") (ref.i31))
        (assert_return (invoke "host" (ref.extern 3)) (ref.host 3))
        (assert_return (invoke "host" (ref.extern 3)) (ref.any))
        """;
    FileResult r = run(script, "");
    assertEquals(0, r.failed(), r.failures().toString());
    assertEquals(7, r.passed());
    FileResult wrong = run(script.replace("(ref.host 3))", "(ref.host 4))"), "");
    assertEquals(1, wrong.failed());
  }

  @Test
  void aScriptThatDoesNotParseIsOneFailureWithLineAndColumn() {
    FileResult r = run(UNPARSEABLE, "");
    assertEquals(1, r.failed());
    assertEquals(0, r.passed());
    Failure f = r.failures().get(0);
    assertEquals(4, f.line());
    assertEquals(4, f.column());
    assertEquals("script", f.command());
    assertTrue(f.toString().startsWith("t.wast:4:4: script: does not parse: "), f.toString());
    assertTrue(f.message().contains("i32.frob"), f.message());
  }

  @Test
  void aCommandBeforeAnyModuleIsAScriptErrorNotAnUnexpectedException() {
    FileResult r =
        run(
            """
            (assert_return (invoke "f") (i32.const 1))
            (module (func (export "f") (result i32) (i32.const 1)))
            (assert_return (invoke $nope "f") (i32.const 1))
            """,
            "");
    assertEquals(2, r.failed());
    assertEquals(1, r.passed());
    assertEquals("script error: no module defined yet", r.failures().get(0).message());
    assertTrue(
        r.failures().get(1).message().startsWith("script error: no "), r.failures().toString());
  }

  @Test
  void aListedScriptThatDoesNotParseIsSkipped() {
    FileResult r = run(UNPARSEABLE, "t.wast GC not implemented\n");
    assertEquals(0, r.failed());
    assertEquals(1, r.skipped());
  }

  @Test
  void failingCommandsOfAListedScriptAreSkipped() {
    FileResult r = run(FAILING_LINE_3, "t.wast exception handling not implemented\n");
    assertEquals(2, r.passed());
    assertEquals(1, r.skipped());
    assertEquals(0, r.failed(), r.failures().toString());
  }

  @Test
  void aListedScriptThatPassesCompletelyFails() {
    FileResult r = run(PASSING, "t.wast memory64 not implemented\n");
    assertEquals(1, r.failed());
    Failure f = r.failures().get(0);
    assertEquals("t.wast", f.location());
    assertTrue(f.message().contains("remove it from the list"), f.message());
  }

  @Test
  void aListedCommandThatPassesFails() {
    FileResult r = run(PASSING, "t.wast:2 tail calls not implemented\n");
    assertEquals(1, r.failed());
    assertEquals("t.wast:2", r.failures().get(0).location());
  }

  @Test
  void anUnlistedFailingCommandFails() {
    FileResult r = run(FAILING_LINE_3, "t.wast:2 listed, but line 3 is the one that fails\n");
    assertEquals(2, r.failed(), r.failures().toString());
    assertEquals("t.wast:3", r.failures().get(1).location());
  }

  private static final String COUNTER =
      """
      (module definition $Counter
        (global $n (mut i32) (i32.const 0))
        (func (export "next") (result i32)
          (global.set $n (i32.add (global.get $n) (i32.const 1)))
          (global.get $n)))
      """;

  @Test
  void aModuleDefinitionIsInstantiatedOnlyByInstanceCommandsEachTimeAfresh() {
    FileResult r =
        run(
            COUNTER
                + """
                (module instance $A $Counter)
                (module instance $B $Counter)
                (assert_return (invoke $A "next") (i32.const 1))
                (assert_return (invoke $A "next") (i32.const 2))
                (assert_return (invoke $B "next") (i32.const 1))
                (assert_return (invoke "next") (i32.const 2))
                """,
            "");
    assertEquals(List.of(), r.failures());
    assertEquals(7, r.passed());
  }

  @Test
  void anInstanceWithoutADefinitionNameInstantiatesTheLastModuleAndCanBeRegistered() {
    FileResult r =
        run(
            COUNTER
                + """
                (module instance)
                (register "counter")
                (module
                  (import "counter" "next" (func $next (result i32)))
                  (func (export "twice") (result i32) (drop (call $next)) (call $next)))
                (assert_return (invoke "twice") (i32.const 2))
                """,
            "");
    assertEquals(List.of(), r.failures());
  }

  @Test
  void aDefinitionThatCannotBeInstantiatedPassesAsADefinition() {
    FileResult r = run("(module definition (memory 65536))\n", "");
    assertEquals(List.of(), r.failures());
    assertEquals(1, r.passed());
  }

  @Test
  void anInstanceOfAnUnknownDefinitionFailsWithItsName() {
    FileResult r = run(COUNTER + "(module instance $I $Missing)\n", "");
    assertEquals(1, r.failed());
    Failure f = r.failures().get(0);
    assertEquals("module instance", f.command());
    assertTrue(f.message().contains("no module definition named Missing"), f.message());
  }
}
