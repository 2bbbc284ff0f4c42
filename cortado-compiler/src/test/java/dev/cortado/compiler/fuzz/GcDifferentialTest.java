package dev.cortado.compiler.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.wasm.binary.ModuleEncoder;
import dev.cortado.wasm.text.TextParser;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Differential fuzzing of garbage collection: {@link GcModules}' random modules run on the
 * interpreter and on the compiler, which must do the same thing (results, traps and their kinds,
 * the final state; {@link Outcome}). A build runs a fixed 60 seeds; {@code
 * -Dcortado.fuzz.gcCount=5000} runs more, from {@code cortado.fuzz.gcSeed} (default 0).
 */
class GcDifferentialTest {
  @Test
  void interpreterAndCompilerAgreeOnRandomGcModules() {
    long count = Long.getLong("cortado.fuzz.gcCount", 60);
    long first = Long.getLong("cortado.fuzz.gcSeed", 0);
    Map<Verdict.Kind, Integer> tally = new EnumMap<>(Verdict.Kind.class);
    int traps = 0;
    int results = 0;
    List<String> failures = new ArrayList<>();
    Map<String, Integer> trapKinds = new java.util.TreeMap<>();
    for (long seed = first; seed < first + count; seed++) {
      String wat = GcModules.module(seed);
      Differential.Result r = Differential.run(ModuleEncoder.encode(TextParser.parseModule(wat)));
      tally.merge(r.verdict().kind(), 1, Integer::sum);
      for (Event e : r.interpreter().events()) {
        if (e.kind().equals("trap")) {
          traps++;
          trapKinds.merge(e.strict(), 1, Integer::sum);
        } else if (e.kind().equals("result")) {
          results++;
        }
      }
      if (r.verdict().kind() == Verdict.Kind.DIVERGE
          || r.verdict().kind() == Verdict.Kind.INCONCLUSIVE) {
        failures.add("seed " + seed + ": " + r.verdict().describe());
      }
    }
    System.out.printf(
        "gc fuzz: %d modules from seed %d: %s; %d results, %d traps%n",
        count, first, tally, results, traps);
    System.out.println("gc fuzz traps: " + trapKinds);
    assertTrue(failures.isEmpty(), String.join("\n", failures));
    // The modules do something: most calls return, some trap.
    assertTrue(results > count && traps > 0, "results " + results + ", traps " + traps);
  }
}
