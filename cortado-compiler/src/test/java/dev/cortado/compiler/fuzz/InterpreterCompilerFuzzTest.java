package dev.cortado.compiler.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.wasm.WasmException;
import dev.cortado.wasm.testing.ExternalTool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential fuzzing: random valid modules from binaryen ({@code wasm-opt -ttf}) run on the
 * interpreter and on the compiler, which must do the same thing (see {@link Outcome} for what is
 * compared, {@link Event} for the NaN rule). A build runs a fixed 200 seeds; {@code
 * -Dcortado.fuzz.count=20000} (or {@code CORTADO_FUZZ_COUNT}) runs more, from {@code
 * cortado.fuzz.seed} ({@code CORTADO_FUZZ_SEED}, default 0). {@code cortado.fuzz.strictNan=true}
 * also fails on quiet-NaN payload differences, which the spec allows.
 *
 * <p>A new divergence is written to {@code src/test/resources/fuzz-regressions/} named for its seed
 * and what diverged, for {@link FuzzRegressionsTest} to keep; the test fails until it is fixed or
 * listed, with its reason, in {@code known-divergences.txt}.
 */
class InterpreterCompilerFuzzTest {
  /**
   * At most this many new files per kind of divergence in one run, so a long run stays readable.
   */
  private static final int SAVED_PER_KIND = 3;

  @Test
  void interpreterAndCompilerAgreeOnRandomModules(@TempDir Path work) throws Exception {
    Path wasmOpt = ExternalTool.require("wasm-opt", "binaryen");
    Path wasmValidate = ExternalTool.require("wasm-validate", "wabt");
    long count = setting("cortado.fuzz.count", "CORTADO_FUZZ_COUNT", 200);
    long first = setting("cortado.fuzz.seed", "CORTADO_FUZZ_SEED", 0);
    boolean strictNan = Boolean.parseBoolean(System.getProperty("cortado.fuzz.strictNan"));
    Binaryen binaryen = new Binaryen(wasmOpt, work);
    Map<String, String> known = Regressions.known();
    Map<Verdict.Kind, Integer> tally = new EnumMap<>(Verdict.Kind.class);
    Map<String, Integer> savedPerKind = new HashMap<>();
    Map<String, Integer> events = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    int knownSeen = 0;
    int rejected = 0;
    long start = System.nanoTime();
    for (long seed = first; seed < first + count; seed++) {
      long moduleStart = System.nanoTime();
      byte[] wasm = binaryen.module(seed);
      long generated = System.nanoTime();
      Differential.Result r;
      try {
        r = Differential.run(wasm);
        long ms = (System.nanoTime() - moduleStart) / 1_000_000;
        if (ms > 5_000) {
          System.out.printf(
              "seed %d: slow, %d ms (%d generating), %d bytes%n",
              seed, ms, (generated - moduleStart) / 1_000_000, wasm.length);
        }
      } catch (WasmException e) {
        if (Binaryen.wabtAccepts(wasmValidate, wasm, work)) {
          failures.add("seed " + seed + ": Cortado rejects a module wabt accepts: " + e);
          Regressions.save(wasm, "seed" + seed + "-rejected");
        }
        rejected++;
        continue;
      }
      Verdict v = r.verdict();
      tally.merge(v.kind(), 1, Integer::sum);
      for (Event e : r.interpreter().events()) {
        events.merge(e.kind(), 1, Integer::sum);
      }
      if ((seed - first + 1) % 500 == 0) {
        System.out.println("fuzz progress: " + (seed - first + 1) + " modules, " + tally);
      }
      boolean fails =
          v.kind() == Verdict.Kind.DIVERGE
              || (strictNan && v.kind() == Verdict.Kind.NAN_PAYLOAD_ONLY);
      if (v.kind() == Verdict.Kind.NAN_PAYLOAD_ONLY) {
        System.out.println("seed " + seed + ": " + v.describe());
      }
      if (!fails) {
        continue;
      }
      Optional<String> file = Regressions.match(wasm);
      if (file.isPresent() && known.containsKey(file.get())) {
        knownSeen++;
        continue;
      }
      Optional<String> cause = Regressions.knownCause(known, v);
      if (cause.isPresent()) {
        knownSeen++;
        System.out.println("seed " + seed + ": known divergence (" + cause.get() + ")");
        continue;
      }
      String where;
      if (file.isPresent()) {
        where = "already in " + file.get() + " (not listed as known)";
      } else if (savedPerKind.merge(v.interpreter().orElseThrow().kind(), 1, Integer::sum)
          <= SAVED_PER_KIND) {
        where = "saved as " + Regressions.save(wasm, "seed" + seed + "-" + v.label());
      } else {
        where = "not saved (enough of this kind)";
      }
      failures.add("seed " + seed + ": " + v.describe() + "\n  " + where);
      System.out.println("seed " + seed + ": " + v.describe() + "\n  " + where);
    }
    long seconds = (System.nanoTime() - start) / 1_000_000_000;
    System.out.println(
        "fuzz summary: "
            + count
            + " modules (seeds "
            + first
            + ".."
            + (first + count - 1)
            + ") in "
            + seconds
            + " s: "
            + tally.getOrDefault(Verdict.Kind.AGREE, 0)
            + " agree, "
            + tally.getOrDefault(Verdict.Kind.NAN_PAYLOAD_ONLY, 0)
            + " differ only in quiet-NaN payloads, "
            + tally.getOrDefault(Verdict.Kind.INCONCLUSIVE, 0)
            + " inconclusive (deadline), "
            + tally.getOrDefault(Verdict.Kind.DIVERGE, 0)
            + " diverge ("
            + knownSeen
            + " known), "
            + rejected
            + " invalid in Wasm 2.0 (binaryen 108's pre-standard reference types; wabt agrees)");
    System.out.println("fuzz events compared (interpreter's side): " + events);
    assertTrue(
        failures.isEmpty(),
        failures.size()
            + " new divergence(s):\n"
            + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
  }

  private static long setting(String property, String env, long fallback) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      value = System.getenv(env);
    }
    return value == null || value.isBlank() ? fallback : Long.parseLong(value.strip());
  }
}
