package dev.cortado.wast;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.EngineConfig;
import dev.cortado.runtime.ExecutionEngine;
import dev.cortado.wasm.testing.SpecSuite;
import java.util.Set;

/**
 * The scripts of the Wasm 3.0 suite for the 3.0 features the compiler handles, on the compiler:
 * tail calls ({@code return_call*.wast}; it leaves functions making them to the interpreter, so
 * calls cross between compiled code and interpreted tail-calling functions both ways) and relaxed
 * SIMD (compiled, through the same numerics as the interpreter), multi-memory ({@code load1.wast},
 * {@code memory-multi.wast}, ...) and memory64 ({@code *64.wast}, compiled: memories other than 0
 * fetched per access, i64 operands clamped), typed function references and exception handling
 * (compiled: {@code SpecScriptsCompiledTest} in the compiler checks no module of theirs falls
 * back), and garbage collection (compiled too).
 */
class CompilerWasm3FeaturesSuiteTest extends SpecSuiteTest {
  private static final Set<String> EXCEPTIONS =
      Set.of("throw.wast", "throw_ref.wast", "try_table.wast", "tag.wast");

  @Override
  Engine engine() {
    return Engine.create(EngineConfig.defaults().withExecutionEngine(ExecutionEngine.COMPILER));
  }

  @Override
  String folder() {
    return "";
  }

  /** Scripts of typed function references, compiled. */
  private static final Set<String> TYPED_REFERENCES =
      Set.of(
          "call_ref.wast",
          "br_on_null.wast",
          "br_on_non_null.wast",
          "ref_as_non_null.wast",
          "local_init.wast",
          "br_table.wast",
          "linking.wast",
          "table-sub.wast",
          "unreached-valid.wast");

  /**
   * Scripts of Wasm 3.0 that use garbage collection without being about it: subtyped function types
   * in tables, GC-typed globals and references. (Those about it, {@link SpecSuite#GC_SCRIPTS}, are
   * included too.)
   */
  private static final Set<String> USING_GC =
      Set.of("call_indirect.wast", "global.wast", "ref.wast");

  @Override
  boolean includes(String fileName) {
    return fileName.startsWith("return_call")
        || fileName.contains("relaxed")
        || fileName.endsWith("64.wast")
        || fileName.contains("memory-multi")
        || fileName.equals("table_copy_mixed.wast")
        || fileName.matches("[a-z_]+[0-9]\\.wast")
        || TYPED_REFERENCES.contains(fileName)
        || EXCEPTIONS.contains(fileName)
        || SpecSuite.GC_SCRIPTS.contains(fileName)
        || USING_GC.contains(fileName);
  }

  @Override
  String expectedFailuresResource() {
    return "/expected-failures/wasm3-features-compiler.txt";
  }
}
