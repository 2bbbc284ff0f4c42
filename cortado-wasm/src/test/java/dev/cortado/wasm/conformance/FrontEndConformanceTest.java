package dev.cortado.wasm.conformance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.wasm.InvalidException;
import dev.cortado.wasm.MalformedException;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.WasmVersion;
import dev.cortado.wasm.binary.ModuleDecoder;
import dev.cortado.wasm.binary.ModuleEncoder;
import dev.cortado.wasm.testing.FrontEndGaps;
import dev.cortado.wasm.testing.SpecSuite;
import dev.cortado.wasm.text.Command;
import dev.cortado.wasm.text.ModuleSource;
import dev.cortado.wasm.text.Script;
import dev.cortado.wasm.text.TextParser;
import dev.cortado.wasm.valid.Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The front end against the spec suite, the Wasm 2.0 one ({@code pre-3.0}, under {@link
 * WasmVersion#WASM_2_0}) and the Wasm 3.0 one (the top level): every {@code assert_malformed}
 * module is rejected as malformed, every {@code assert_invalid} module as invalid, every other
 * module decodes (or parses) and validates, and every module that decodes survives encoding and
 * decoding again unchanged. One test per file; a summary line at the end. A 3.0 script using a
 * feature the front end lacks is listed whole, with the feature.
 */
class FrontEndConformanceTest {
  private static final Map<String, String> EXPECTED_FAILURES =
      FrontEndGaps.read(FrontEndGaps.WASM2);
  private static final Map<String, String> EXPECTED_FAILURES_3 =
      FrontEndGaps.read(FrontEndGaps.WASM3);
  private static final int[] TOTALS = new int[6];

  /** Per-file counts, in the order they are printed. */
  private static final String[] COUNTS = {
    "modules", "malformed rejected", "invalid rejected", "valid", "round trips", "failures"
  };

  @TestFactory
  Stream<DynamicTest> wasm2Suite() {
    return SpecSuite.wasm2().stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    file.getFileName().toString(),
                    () -> check(file, WasmVersion.WASM_2_0, EXPECTED_FAILURES)));
  }

  @TestFactory
  Stream<DynamicTest> wasm3Suite() {
    return SpecSuite.wastFiles("").stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    "3.0 " + file.getFileName().toString(),
                    () -> check(file, WasmVersion.WASM_3_0, EXPECTED_FAILURES_3)));
  }

  @AfterAll
  static void printTotal() {
    System.out.println("total: " + describe(TOTALS));
  }

  private static void check(Path file, WasmVersion version, Map<String, String> expectedFailures)
      throws IOException {
    String name = file.getFileName().toString();
    boolean wholeScriptListed = expectedFailures.containsKey(name);
    Script script;
    try {
      script = TextParser.parseScript(Files.readString(file, StandardCharsets.UTF_8), name);
    } catch (MalformedException e) {
      assertTrue(wholeScriptListed, name + ": the script does not parse: " + e.getMessage());
      return;
    }
    int[] counts = new int[6];
    List<String> failures = new ArrayList<>();
    for (Command c : script.commands()) {
      if (c.moduleSource().isEmpty()) {
        continue;
      }
      counts[0]++;
      String problem;
      try {
        problem = check(c, c.moduleSource().get(), counts, version);
      } catch (RuntimeException e) {
        // Only the two front-end exceptions may come out of the front end.
        problem = "unexpected " + e;
      }
      String location = name + ":" + c.line();
      boolean expected = expectedFailures.containsKey(location);
      if (problem != null && !expected) {
        failures.add(location + ": " + problem);
      } else if (problem == null && expected) {
        failures.add(location + ": passes but is on the expected-failure list; remove it");
      }
    }
    if (wholeScriptListed) {
      assertFalse(
          failures.isEmpty(),
          name
              + ": passes, but the expected-failure list says it fails ("
              + expectedFailures.get(name)
              + "): remove it");
      return;
    }
    counts[5] = failures.size();
    synchronized (TOTALS) {
      for (int i = 0; i < TOTALS.length; i++) {
        TOTALS[i] += counts[i];
      }
    }
    System.out.println(name + ": " + describe(counts));
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  /** Checks one module command; returns what went wrong, or null. */
  private static String check(Command c, ModuleSource source, int[] counts, WasmVersion version) {
    WasmModule module;
    try {
      module = source.module(version);
    } catch (MalformedException e) {
      if (c instanceof Command.AssertMalformed) {
        counts[1]++;
        return null;
      }
      return "malformed: " + e.getMessage();
    }
    if (c instanceof Command.AssertMalformed m) {
      return "accepted a malformed module (expected \"" + m.message() + "\")";
    }
    String roundTrip = roundTrip(module, c instanceof Command.AssertInvalid, counts);
    if (roundTrip != null) {
      return roundTrip;
    }
    try {
      Validator.validate(module, false, version);
    } catch (InvalidException e) {
      if (c instanceof Command.AssertInvalid) {
        counts[2]++;
        return null;
      }
      return "invalid: " + e.getMessage();
    }
    if (c instanceof Command.AssertInvalid i) {
      return "accepted an invalid module (expected \"" + i.message() + "\")";
    }
    counts[3]++;
    return null;
  }

  /**
   * Checks that {@code module} survives encoding and decoding, and counts it; a module asserted
   * invalid may have no binary encoding (text limits above a 32-bit memory's u32s).
   */
  private static String roundTrip(WasmModule module, boolean invalid, int[] counts) {
    byte[] binary;
    try {
      binary = ModuleEncoder.encode(module);
    } catch (IllegalArgumentException e) {
      return invalid && e.getMessage().contains("no binary encoding") ? null : e.toString();
    }
    WasmModule again;
    try {
      again = ModuleDecoder.decode(binary);
    } catch (MalformedException e) {
      return "its encoding does not decode: " + e.getMessage();
    }
    if (!again.equals(module)) {
      return "decoding its encoding gives a different module";
    }
    counts[4]++;
    return null;
  }

  private static String describe(int[] counts) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < counts.length; i++) {
      b.append(i == 0 ? "" : ", ").append(counts[i]).append(' ').append(COUNTS[i]);
    }
    return b.toString();
  }
}
