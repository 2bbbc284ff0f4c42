package dev.cortado.compiler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.WasmVersion;
import dev.cortado.wasm.testing.SpecSuite;
import dev.cortado.wasm.text.Command;
import dev.cortado.wasm.text.TextParser;
import dev.cortado.wasm.valid.ValidatedModule;
import dev.cortado.wasm.valid.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The modules of the spec scripts of typed function references, exception handling (Wasm 3.0 and
 * legacy), garbage collection and tail calls are compiled, not silently left to the interpreter:
 * the compiler compiles every function of each.
 */
class SpecScriptsCompiledTest {
  private static final List<String> SCRIPTS =
      List.of(
          "call_ref.wast",
          "return_call.wast",
          "return_call_indirect.wast",
          "return_call_ref.wast",
          "br_on_null.wast",
          "br_on_non_null.wast",
          "ref_as_non_null.wast",
          "local_init.wast",
          "unreached-valid.wast",
          "throw.wast",
          "throw_ref.wast",
          "try_table.wast",
          "tag.wast",
          "legacy/rethrow.wast",
          "legacy/throw.wast",
          "legacy/try_catch.wast",
          "legacy/try_delegate.wast");

  @TestFactory
  Stream<DynamicTest> everyModuleOfTheScriptsIsCompiled() {
    return Stream.concat(SCRIPTS.stream(), SpecSuite.GC_SCRIPTS.stream())
        .map(name -> DynamicTest.dynamicTest(name, () -> checkScript(SpecSuite.root(), name)));
  }

  private static void checkScript(Path root, String name) throws IOException {
    String text = Files.readString(root.resolve(name));
    int modules = 0;
    for (Command c : TextParser.parseScript(text, name).commands()) {
      if (!(c instanceof Command.DefineModule || c instanceof Command.ModuleDefinition)) {
        continue;
      }
      WasmModule module = c.moduleSource().orElseThrow().module(WasmVersion.WASM_3_0);
      String where = name + ":" + c.line();
      ValidatedModule valid = Validator.validate(module);
      BitSet compiled = ModuleClasses.emit(valid, "ab".repeat(32)).compiled();
      BitSet every = new BitSet();
      every.set(0, module.functions().size());
      assertEquals(every, compiled, where + ": compiled functions");
      modules++;
    }
    assertTrue(modules > 0, name + ": no module compiled");
  }
}
