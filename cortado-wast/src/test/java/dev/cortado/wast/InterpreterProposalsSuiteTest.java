package dev.cortado.wast;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.EngineConfig;
import dev.cortado.runtime.ExecutionEngine;
import dev.cortado.wasm.testing.SpecSuite;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The scripts of the proposals Cortado accepts with Wasm 3.0 ({@code proposals/threads}, {@code
 * wide-arithmetic} and {@code custom-page-sizes}) on the interpreter; the subclasses run them on
 * the compiler and the tiered engine. The threads scripts are written against the MVP plus threads,
 * and Wasm 2.0 and 3.0 changed what some of their assertions say: those are the expected-failure
 * list's entries.
 */
class InterpreterProposalsSuiteTest extends SpecSuiteTest {
  /** The proposals' folders, under {@link #folder}. */
  static final List<String> PROPOSALS = List.of("threads", "wide-arithmetic", "custom-page-sizes");

  @Override
  Engine engine() {
    return Engine.create(EngineConfig.defaults().withExecutionEngine(ExecutionEngine.INTERPRETER));
  }

  @Override
  String folder() {
    return "proposals";
  }

  @Override
  List<Path> scripts() {
    List<Path> scripts =
        PROPOSALS.stream().flatMap(p -> SpecSuite.wastFiles(folder() + "/" + p).stream()).toList();
    // The expected-failure list names scripts by file name: the folders' must not share one.
    Set<String> names = new HashSet<>();
    for (Path p : scripts) {
      if (!names.add(p.getFileName().toString())) {
        throw new IllegalStateException("two proposals have a script named " + p.getFileName());
      }
    }
    return scripts;
  }

  @Override
  String expectedFailuresResource() {
    return "/expected-failures/proposals.txt";
  }
}
