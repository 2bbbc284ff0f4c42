package dev.cortado.wasm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildFactsTest {
  @TempDir Path dir;

  @Test
  void writesTheFactsThisProcessKnowsAndReadsThemBack() throws Exception {
    String fact = BuildFacts.get("test-fact", () -> "computed");
    assertEquals("computed", fact);
    // Known now: asked again, the fact is not computed again.
    assertEquals("computed", BuildFacts.get("test-fact", () -> "again"));
    Path file = dir.resolve("facts");
    BuildFacts.write(file);
    Map<String, String> read = BuildFacts.read(file.toString());
    assertEquals("computed", read.get("test-fact"));
    assertEquals(
        "cortado-build-facts 1", Files.readAllLines(file).get(0), "the file says what it is");
  }

  @Test
  void readsNothingFromAMissingForeignOrDamagedFile() throws Exception {
    assertEquals(Map.of(), BuildFacts.read(null));
    assertEquals(Map.of(), BuildFacts.read(dir.resolve("missing").toString()));
    Path foreign = Files.writeString(dir.resolve("foreign"), "version=1\n");
    assertEquals(Map.of(), BuildFacts.read(foreign.toString()));
    Path damaged =
        Files.writeString(dir.resolve("damaged"), "cortado-build-facts 1\nversion=1\nemitters\n");
    assertEquals(Map.of(), BuildFacts.read(damaged.toString()));
    Path good = Files.writeString(dir.resolve("good"), "cortado-build-facts 1\nversion=1\n");
    assertEquals(Map.of("version", "1"), BuildFacts.read(good.toString()));
  }
}
