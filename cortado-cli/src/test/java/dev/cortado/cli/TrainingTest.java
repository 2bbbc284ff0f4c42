package dev.cortado.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.runtime.EngineConfig;
import dev.cortado.wasm.binary.ModuleEncoder;
import dev.cortado.wasm.text.TextParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingTest {
  @TempDir Path dir;

  @Test
  void everyTrainingStepEndsAsExpected() throws Exception {
    checkTraining(false);
  }

  @Test
  void theTrainingOfPlainRunsEndsAsExpectedToo() throws Exception {
    checkTraining(true);
  }

  @Test
  void theProgramsBinaryIsItsText() {
    assertArrayEquals(
        ModuleEncoder.encode(TextParser.parseModule(Training.PROGRAM)),
        HexFormat.of().parseHex(Training.PROGRAM_BINARY));
  }

  private void checkTraining(boolean plainRuns) throws Exception {
    FileTime started = FileTime.from(Instant.now().minusSeconds(1));
    List<String> failures = Training.train(dir, plainRuns);
    assertEquals(List.of(), failures);
    // The program the later steps ran was written (by wat2wasm, or for plain runs directly).
    Path wasm = dir.resolve("train.wasm");
    assertTrue(Files.size(wasm) > 100);
    // It left the build's facts its steps computed, for the launcher to hand later starts.
    List<String> facts = Files.readAllLines(dir.resolve(Training.FACTS));
    assertEquals("cortado-build-facts 1", facts.get(0));
    for (String name : List.of("emitters", "frontEnd", "version")) {
      assertTrue(
          facts.stream().anyMatch(l -> l.startsWith(name + "=") && l.length() > name.length() + 1),
          name + " in " + facts);
    }
    // Its last runs remembered its digest, as runs of a file unchanged for a while do, so that the
    // archive holds the path later runs of a program take.
    String sha256 =
        HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(wasm)));
    Path memos = EngineConfig.defaultCodeCache().resolve("digests");
    try (Stream<Path> files = Files.list(memos)) {
      assertTrue(
          files.anyMatch(
              f -> modifiedSince(f, started) && read(f).lines().anyMatch(sha256::equals)),
          "no digest memo of " + wasm + " in " + memos);
    }
    // And the run that compiled it recorded the binary as valid.
    Path records = EngineConfig.defaultCodeCache().resolve("validated");
    try (Stream<Path> files = Files.list(records)) {
      assertTrue(
          files.anyMatch(f -> f.getFileName().toString().startsWith(sha256 + "-")),
          "no validation record of " + wasm + " in " + records);
    }
  }

  private static boolean modifiedSince(Path f, FileTime t) {
    try {
      return Files.getLastModifiedTime(f).compareTo(t) >= 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path f) {
    try {
      return Files.readString(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
