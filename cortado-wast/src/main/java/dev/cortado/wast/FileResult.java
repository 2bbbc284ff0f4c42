package dev.cortado.wast;

import java.util.List;

/**
 * What running one script gave: counts of commands that passed, failed, or were skipped because the
 * expected-failure list names them, and the failures.
 *
 * @param file the script's name
 * @param passed commands that did what they assert
 * @param failed commands that did not
 * @param skipped commands on the expected-failure list that failed as expected
 * @param failures the failed commands, in order
 */
public record FileResult(String file, int passed, int failed, int skipped, List<Failure> failures) {
  /** Copies the failures. */
  public FileResult {
    failures = List.copyOf(failures);
  }

  @Override
  public String toString() {
    return file + ": " + passed + " passed, " + failed + " failed, " + skipped + " skipped";
  }
}
