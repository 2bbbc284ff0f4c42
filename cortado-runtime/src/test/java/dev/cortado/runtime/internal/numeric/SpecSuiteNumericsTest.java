package dev.cortado.runtime.internal.numeric;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.cortado.runtime.Trap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks the helpers against the official spec test suite: every {@code assert_return} and {@code
 * assert_trap} of the numeric and SIMD scripts whose function {@link WastMachine} can run (straight
 * -line code of numeric, vector, variable and memory instructions) is evaluated with the helpers
 * and compared with the script's expected result, honouring {@code nan:canonical} and {@code
 * nan:arithmetic}. Assertions it cannot run are counted, with the reason, and printed at the end.
 */
class SpecSuiteNumericsTest {
  private static final InstructionTable TABLE = new InstructionTable();
  private static final Map<String, int[]> COUNTS = new TreeMap<>();
  private static final Map<String, Integer> UNMAPPED_REASONS = new TreeMap<>();

  /** The scripts about numeric and vector instructions. */
  static List<Path> scripts() throws IOException {
    Path dir = suiteRoot().resolve("pre-3.0");
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> isNumericScript(p.getFileName().toString())).sorted().toList();
    }
  }

  private static boolean isNumericScript(String name) {
    return name.startsWith("simd_")
        || name.startsWith("f32")
        || name.startsWith("f64")
        || name.startsWith("float_")
        || name.startsWith("int_")
        || List.of("i32.wast", "i64.wast", "conversions.wast", "const.wast", "traps.wast")
            .contains(name);
  }

  static Path suiteRoot() {
    String env = System.getenv("CORTADO_TESTSUITE");
    String prop = System.getProperty("cortado.testsuite");
    for (String s : new String[] {env, prop}) {
      if (s != null && !s.isBlank() && Files.isDirectory(Path.of(s))) {
        return Path.of(s);
      }
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("../shared/testsuite"))) {
        return p.resolve("../shared/testsuite").normalize();
      }
    }
    throw new IllegalStateException("spec test suite not found: set CORTADO_TESTSUITE");
  }

  @TestFactory
  Stream<DynamicTest> scriptAssertionsHoldForTheHelpers() throws IOException {
    return scripts().stream()
        .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> run(p)));
  }

  @AfterAll
  static void report() {
    int checked = 0;
    int unmapped = 0;
    StringBuilder b = new StringBuilder("spec-suite numerics check (checked / not runnable):\n");
    for (Map.Entry<String, int[]> e : COUNTS.entrySet()) {
      checked += e.getValue()[0];
      unmapped += e.getValue()[1];
      b.append(String.format("  %-45s %6d %6d%n", e.getKey(), e.getValue()[0], e.getValue()[1]));
    }
    b.append(String.format("  %-45s %6d %6d%n", "total", checked, unmapped));
    b.append("not runnable, by reason:\n");
    UNMAPPED_REASONS.forEach((k, v) -> b.append(String.format("  %6d %s%n", v, k)));
    System.out.print(b);
    // Guards the harness itself: if it stopped understanding the scripts, it would check nothing.
    if (COUNTS.size() > 60) {
      assertTrue(checked >= 0.98 * (checked + unmapped), "too many assertions not runnable");
    }
  }

  private static void run(Path file) throws IOException {
    WastMachine machine = new WastMachine(TABLE);
    String name = file.getFileName().toString();
    int[] counts = new int[2];
    List<String> failures = new ArrayList<>();
    WastMachine.Instance current = null;
    Map<String, WastMachine.Instance> named = new HashMap<>();
    for (SExpr cmd : SExpr.parseAll(Files.readString(file))) {
      if (!(cmd instanceof SExpr.Parens p)) {
        continue;
      }
      switch (p.head()) {
        case "module" -> {
          current = machine.instantiate(p);
          if (p.size() > 1 && p.get(1) instanceof SExpr.Atom a && a.text().startsWith("$")) {
            named.put(a.text(), current);
          }
        }
        case "register" -> {}
        case "invoke", "assert_return", "assert_trap" -> {
          SExpr.Parens action = p.head().equals("invoke") ? p : (SExpr.Parens) p.get(1);
          if (!action.head().equals("invoke")) {
            continue;
          }
          String problem = check(machine, p, action, current, named);
          if (p.head().equals("invoke")) {
            if (problem != null && current != null && current.unsupported == null) {
              // The invoke changed state this check cannot reproduce: later results are moot.
              current.unsupported = "state set by an invoke it cannot run";
            }
            continue;
          }
          if (problem == null) {
            counts[0]++;
          } else if (problem.startsWith("unmapped: ")) {
            counts[1]++;
            UNMAPPED_REASONS.merge(problem.substring(10), 1, Integer::sum);
          } else {
            counts[0]++;
            failures.add(name + ":" + p.line() + ": " + problem);
          }
        }
        default -> {}
      }
    }
    synchronized (COUNTS) {
      COUNTS.put(name, counts);
    }
    if (!failures.isEmpty()) {
      fail(
          failures.size()
              + " assertions failed:\n"
              + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
    }
  }

  /** Runs one command; returns null if it held, "unmapped: why", or what went wrong. */
  private static String check(
      WastMachine machine,
      SExpr.Parens cmd,
      SExpr.Parens action,
      WastMachine.Instance current,
      Map<String, WastMachine.Instance> named) {
    int at = 1;
    WastMachine.Instance inst = current;
    if (action.get(1) instanceof SExpr.Atom a) {
      inst = named.get(a.text());
      at = 2;
    }
    if (inst == null || inst.unsupported != null) {
      return "unmapped: module " + (inst == null ? "missing" : inst.unsupported);
    }
    String export = ((SExpr.Str) action.get(at)).text();
    WastMachine.Func func = inst.exports.get(export);
    if (func == null) {
      return "unmapped: export not a function";
    }
    List<WastValue> args = new ArrayList<>();
    for (SExpr arg : action.items().subList(at + 1, action.size())) {
      SExpr.Parens c = (SExpr.Parens) arg;
      if (!c.head().endsWith(".const")) {
        return "unmapped: argument " + c.head();
      }
      List<String> atoms = c.items().subList(1, c.size()).stream().map(SExpr::atom).toList();
      args.add(WastValue.parseConst(c.head(), atoms));
    }
    List<WastExpected> expected = new ArrayList<>();
    if (cmd.head().equals("assert_return")) {
      for (SExpr r : cmd.items().subList(2, cmd.size())) {
        SExpr.Parens rp = (SExpr.Parens) r;
        if (!rp.head().endsWith(".const")) {
          return "unmapped: result " + rp.head();
        }
        expected.add(WastExpected.parse(rp));
      }
    }
    List<WastValue> actual;
    try {
      actual = machine.call(inst, func, args);
    } catch (Trap t) {
      if (cmd.head().equals("assert_trap")) {
        String want = ((SExpr.Str) cmd.get(2)).text();
        return t.kind().message().startsWith(want) ? null : "trapped " + t.kind() + ", not " + want;
      }
      return cmd.head().equals("invoke") ? null : "trapped " + t.kind() + " " + args;
    } catch (WastMachine.Unrunnable e) {
      return "unmapped: " + e.getMessage();
    } catch (RuntimeException | AssertionError e) {
      return "failed with " + e + " for " + args;
    }
    if (cmd.head().equals("assert_trap")) {
      return "returned " + actual + " instead of trapping, for " + args;
    }
    if (cmd.head().equals("invoke")) {
      return null;
    }
    if (actual.size() != expected.size()) {
      return "returned " + actual + ", expected " + expected;
    }
    for (int i = 0; i < actual.size(); i++) {
      if (!expected.get(i).matches(actual.get(i))) {
        return export + args + " returned " + actual.get(i) + ", expected " + expected.get(i);
      }
    }
    return null;
  }
}
