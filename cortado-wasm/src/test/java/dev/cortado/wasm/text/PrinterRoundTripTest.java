package dev.cortado.wasm.text;

import static org.junit.jupiter.api.Assertions.fail;

import dev.cortado.wasm.MalformedException;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.testing.SpecSuite;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Prints every module of the Wasm 2.0 suite, and of the Wasm 3.0 scripts whose features Cortado has
 * (tail calls, typed function references), and parses the text again: the result must equal the
 * module. Modules from text compare exactly; modules from binaries as far as text can say them
 * ({@link ModuleRewrite#textExpressible}).
 */
class PrinterRoundTripTest {
  private static final AtomicInteger TEXT = new AtomicInteger();
  private static final AtomicInteger BINARY = new AtomicInteger();
  private static final List<String> WASM3_SCRIPTS =
      List.of(
          "return_call.wast",
          "return_call_indirect.wast",
          "return_call_ref.wast",
          "call_ref.wast",
          "br_on_null.wast",
          "br_on_non_null.wast",
          "ref_as_non_null.wast",
          "local_init.wast",
          "table-sub.wast",
          "linking.wast",
          "elem.wast",
          "table.wast");

  @TestFactory
  Stream<DynamicTest> everySuiteModuleReadsBackFromItsText() {
    Stream<Path> wasm3 =
        SpecSuite.wastFiles("").stream()
            .filter(p -> WASM3_SCRIPTS.contains(p.getFileName().toString()));
    return Stream.concat(SpecSuite.wasm2().stream(), wasm3)
        .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> roundTrip(p)));
  }

  private static void roundTrip(Path file) throws Exception {
    String name = file.getFileName().toString();
    List<String> failures = new ArrayList<>();
    for (Command command : TextSuiteTest.parse(file).commands()) {
      Optional<ModuleSource> source = command.moduleSource();
      if (source.isEmpty() || command instanceof Command.AssertMalformed) {
        continue;
      }
      WasmModule module;
      try {
        module = source.get().module();
      } catch (MalformedException e) {
        continue; // TextSuiteTest reports modules that should convert and do not
      }
      boolean binary = source.get() instanceof ModuleSource.Binary;
      String text = TextPrinter.print(module);
      String where = name + ":" + command.line();
      try {
        WasmModule back = TextParser.parseModule(text);
        WasmModule expected = binary ? ModuleRewrite.textExpressible(module) : module;
        ModuleDiff.firstDifference(back, expected)
            .ifPresent(d -> failures.add(where + ": " + d + "\n" + text));
      } catch (MalformedException e) {
        failures.add(where + ": printed text does not parse: " + e.getMessage() + "\n" + text);
      }
      (binary ? BINARY : TEXT).incrementAndGet();
    }
    if (!failures.isEmpty()) {
      fail(failures.size() + " modules do not read back:\n" + String.join("\n", failures));
    }
  }

  @AfterAll
  static void printTotal() {
    System.out.println(
        "printer round trip: "
            + TEXT.get()
            + " modules from text (exact), "
            + BINARY.get()
            + " from binaries (as far as text can say them)");
  }
}
