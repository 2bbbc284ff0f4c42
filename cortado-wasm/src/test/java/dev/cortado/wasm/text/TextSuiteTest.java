package dev.cortado.wasm.text;

import static org.junit.jupiter.api.Assertions.fail;

import dev.cortado.wasm.MalformedException;
import dev.cortado.wasm.testing.SpecSuite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Parses every script of the Wasm 2.0 spec suite: every module must convert to a model, except that
 * quoted modules asserted malformed must be rejected as malformed. Modules asserted invalid,
 * unlinkable or uninstantiable are well-formed, so they must convert too.
 */
class TextSuiteTest {
  private static final AtomicInteger MODULES = new AtomicInteger();
  private static final AtomicInteger REJECTED = new AtomicInteger();
  private static final AtomicInteger FILES = new AtomicInteger();
  private static final AtomicInteger MATCHING = new AtomicInteger();

  /**
   * Quoted modules the 2.0 suite asserts malformed that Wasm 3.0's text format reads (limits above
   * 2^32-1 and memory offsets are u64s, rejected by the validator): see RATIONALE.md.
   */
  private static final Set<String> WELL_FORMED_IN_WASM3 =
      Set.of(
          "address.wast:213",
          "simd_address.wast:143",
          "simd_address.wast:151",
          "memory.wast:79",
          "memory.wast:83",
          "memory.wast:87",
          "table.wast:27",
          "table.wast:31",
          "table.wast:35");

  /** With {@code -Dcortado.showMessages=true}, prints each error text unlike the suite's. */
  private static final boolean SHOW_MESSAGES = Boolean.getBoolean("cortado.showMessages");

  @TestFactory
  Stream<DynamicTest> everyScriptOfTheWasm2SuiteParses() {
    return SpecSuite.wasm2().stream()
        .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
  }

  private static void check(Path file) throws IOException {
    String name = file.getFileName().toString();
    Script script = parse(file);
    int modules = 0;
    int rejected = 0;
    int matching = 0;
    List<String> failures = new ArrayList<>();
    for (Command command : script.commands()) {
      String where = name + ":" + command.line();
      switch (command) {
        case Command.AssertMalformed m when WELL_FORMED_IN_WASM3.contains(where) ->
            modules += convert(m.module(), where, failures);
        case Command.AssertMalformed m when m.module() instanceof ModuleSource.Quote q -> {
          try {
            q.module();
            failures.add(
                where + ": accepted a module asserted malformed (\"" + m.message() + "\")");
          } catch (MalformedException e) {
            rejected++;
            if (e.problem().startsWith(m.message())) {
              matching++;
            } else if (SHOW_MESSAGES) {
              System.out.println(
                  where + ": expected \"" + m.message() + "\", got: " + e.getMessage());
            }
          }
        }
        case Command.AssertMalformed m -> {}
        case Command.DefineModule d -> modules += convert(d.module(), where, failures);
        case Command.ModuleDefinition d -> modules += convert(d.module(), where, failures);
        case Command.AssertInvalid a -> modules += convert(a.module(), where, failures);
        case Command.AssertUnlinkable a -> modules += convert(a.module(), where, failures);
        case Command.AssertUninstantiable a -> modules += convert(a.module(), where, failures);
        case Command.AssertModuleTrap a -> modules += convert(a.module(), where, failures);
        default -> {}
      }
    }
    System.out.println(
        name
            + ": "
            + modules
            + " modules, "
            + rejected
            + " malformed rejected ("
            + matching
            + " with the suite's message)");
    MATCHING.addAndGet(matching);
    MODULES.addAndGet(modules);
    REJECTED.addAndGet(rejected);
    FILES.incrementAndGet();
    if (!failures.isEmpty()) {
      fail(failures.size() + " failures:\n" + String.join("\n", failures));
    }
  }

  /** Parses a suite file; tests of other parts use it too. */
  static Script parse(Path file) throws IOException {
    String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    try {
      return TextParser.parseScript(text, file.getFileName().toString());
    } catch (MalformedException e) {
      throw new AssertionError(file.getFileName() + ":" + e.getMessage(), e);
    }
  }

  private static int convert(ModuleSource source, String where, List<String> failures) {
    try {
      source.module();
      return 1;
    } catch (MalformedException e) {
      failures.add(where + ": " + e.getMessage());
      return 0;
    } catch (RuntimeException e) {
      failures.add(where + ": crashed with " + e + " at " + e.getStackTrace()[0]);
      return 0;
    }
  }

  @AfterAll
  static void printTotal() {
    System.out.println(
        "total: "
            + FILES.get()
            + " files, "
            + MODULES.get()
            + " modules parsed, "
            + REJECTED.get()
            + " malformed rejected ("
            + MATCHING.get()
            + " with the suite's message)");
  }
}
