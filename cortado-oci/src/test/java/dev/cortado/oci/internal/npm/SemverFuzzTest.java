package dev.cortado.oci.internal.npm;

import dev.cortado.wasm.testing.TextMutations;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Mutated version ranges and versions (from a user's {@code npm:name@range} or a registry's
 * packument) read by {@link Semver}: a range, a version or empty, never an exception; a range that
 * reads tests versions, mutated ones too, without one.
 *
 * <p>CI reads 5,000 of each. A long run: {@code ./mvnw -o test -pl cortado-oci
 * -Dtest=SemverFuzzTest -Dcortado.fuzz.count=1000000 -Dcortado.fuzz.seed=N}.
 */
class SemverFuzzTest {
  private static final String RANGES =
      "^1.2.3 || ~0.2 || 1.x - 2.3.4 || >=1.0.0-rc.1+build.5 <2 || * || =v1.2.3 || 1.2.X || ~>3"
          + " || >1.0.0 <=1.2.0";

  private static final String[] PIECES = {
    "^",
    "~",
    "x",
    "X",
    "*",
    "-",
    " - ",
    "||",
    "|",
    "<",
    "<=",
    ">",
    ">=",
    "=",
    "v",
    ".",
    "+",
    "-rc.1",
    "99999999999999999999999",
    " ",
    "\t",
    "\n",
    "0",
    "01",
    "a",
    "",
    "1.2.3",
  };

  private static final List<Semver.Version> VERSIONS =
      List.of(
          Semver.parse("1.2.3").orElseThrow(),
          Semver.parse("0.2.9").orElseThrow(),
          Semver.parse("2.0.0-rc.1").orElseThrow(),
          Semver.parse("1.0.0-rc.1+build.5").orElseThrow());

  @Test
  void aMutatedRangeReadsOrIsEmptyAndTestsVersions() {
    TextMutations.fuzz(
        RANGES,
        PIECES,
        20261206L,
        5000,
        t -> false,
        text ->
            Semver.range(text)
                .ifPresent(
                    r -> {
                      VERSIONS.forEach(r::test);
                      Semver.parse(text.replaceAll("[^0-9.a-z+-]", "")).ifPresent(r::test);
                    }));
  }

  @Test
  void aMutatedVersionReadsOrIsEmptyAndCompares() {
    TextMutations.fuzz(
        "1.20.3-rc.1.alpha+build.7",
        PIECES,
        20261207L,
        5000,
        t -> false,
        text -> Semver.parse(text).ifPresent(v -> VERSIONS.forEach(v::compareTo)));
  }
}
