package dev.cortado.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingTest {
  @TempDir Path dir;

  @Test
  void everyTrainingStepEndsAsExpected() throws Exception {
    List<String> failures = Training.train(dir);
    assertEquals(List.of(), failures);
    // wat2wasm really wrote the program the later steps ran.
    assertTrue(Files.size(dir.resolve("train.wasm")) > 100);
  }
}
