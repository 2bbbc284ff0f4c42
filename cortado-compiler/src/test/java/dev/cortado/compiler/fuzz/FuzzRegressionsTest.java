package dev.cortado.compiler.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.runtime.StoreConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every module on which fuzzing once found the interpreter and the compiler to differ runs on both
 * again: they must agree, unless the module is a known divergence (then it must still diverge, so
 * that a fix is noticed and the entry removed).
 */
class FuzzRegressionsTest {
  private static final Pattern DEPTH = Pattern.compile("depth(\\d+)-");

  @TestFactory
  Stream<DynamicTest> enginesAgreeOnEveryPastDivergence() {
    Map<String, String> known = Regressions.known();
    return Regressions.files().stream()
        .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f, known)));
  }

  @Test
  void everyKnownDivergenceHasItsFile() {
    Set<String> names = new HashSet<>();
    Regressions.files().forEach(f -> names.add(f.getFileName().toString()));
    for (String name : Regressions.known().keySet()) {
      if (name.startsWith("/")) {
        continue;
      }
      assertTrue(names.contains(name), Regressions.KNOWN + " lists a missing file: " + name);
    }
  }

  /**
   * The store limits a file runs with: the defaults, or a call depth of N for a file named {@code
   * depthN-...}.
   */
  static StoreConfig config(String name) {
    Matcher m = DEPTH.matcher(name);
    return m.lookingAt()
        ? StoreConfig.defaults().withMaxCallDepth(Integer.parseInt(m.group(1)))
        : StoreConfig.defaults();
  }

  private static void check(Path file, Map<String, String> known) throws IOException {
    String name = file.getFileName().toString();
    Differential.Result r = Differential.run(Files.readAllBytes(file), config(name));
    Verdict.Kind kind = r.verdict().kind();
    if (known.containsKey(name)) {
      System.out.println("known divergence " + name + " (" + known.get(name) + ")");
      assertEquals(
          Verdict.Kind.DIVERGE,
          kind,
          name
              + " is listed in "
              + Regressions.KNOWN
              + " but the engines no longer diverge on it: remove it from the list");
    } else {
      assertNotEquals(Verdict.Kind.DIVERGE, kind, () -> name + ": " + r.verdict().describe());
    }
  }
}
