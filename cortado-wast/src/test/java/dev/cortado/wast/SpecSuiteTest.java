package dev.cortado.wast;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.runtime.Engine;
import dev.cortado.wasm.testing.SpecSuite;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Runs a spec suite folder on an engine: one test per .wast file, a line per file with its counts,
 * and a total. Subclasses choose the engine, the folder and the expected-failure list, so every
 * engine runs the same suite.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SpecSuiteTest {
  private int passed;
  private int failed;
  private int skipped;

  /** Returns the engine to run the scripts on. */
  abstract Engine engine();

  /** Returns the suite folder, relative to the suite root. */
  abstract String folder();

  /** Returns the classpath resource of the expected-failure list. */
  abstract String expectedFailuresResource();

  /**
   * Returns whether to run the script named {@code fileName}; every one of the folder's, unless a
   * subclass narrows it.
   */
  boolean includes(String fileName) {
    return true;
  }

  /**
   * Returns the scripts to run: the folder's, those {@link #includes} takes. The expected-failure
   * list names them by file name.
   */
  List<Path> scripts() {
    return SpecSuite.wastFiles(folder()).stream()
        .filter(f -> includes(f.getFileName().toString()))
        .toList();
  }

  @TestFactory
  Stream<DynamicTest> suite() throws IOException {
    WastRunner runner = WastRunner.create(engine()).withExpectedFailures(expectedFailures());
    return scripts().stream()
        .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> run(runner, f)));
  }

  private void run(WastRunner runner, Path file) throws IOException {
    FileResult r = runner.run(file);
    synchronized (this) {
      passed += r.passed();
      failed += r.failed();
      skipped += r.skipped();
    }
    System.out.println(r);
    assertTrue(
        r.failures().isEmpty(),
        r.failures().size()
            + " failure(s):\n"
            + r.failures().stream()
                .limit(50)
                .map(Failure::toString)
                .collect(Collectors.joining("\n")));
  }

  @AfterAll
  void printTotal() {
    System.out.println(
        "total ("
            + (folder().isEmpty() ? "top level" : folder())
            + ", "
            + getClass().getSimpleName()
            + "): "
            + passed
            + " passed, "
            + failed
            + " failed, "
            + skipped
            + " skipped");
  }

  private ExpectedFailures expectedFailures() throws IOException {
    try (InputStream in = getClass().getResourceAsStream(expectedFailuresResource())) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + expectedFailuresResource());
      }
      return ExpectedFailures.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
