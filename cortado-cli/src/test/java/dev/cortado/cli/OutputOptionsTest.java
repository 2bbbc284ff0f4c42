package dev.cortado.cli;

import static dev.cortado.cli.InProcess.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code -o} options of {@code image build} and {@code pull}: where the file goes, and what is
 * said when it cannot.
 */
class OutputOptionsTest {
  @TempDir Path dir;

  private InProcess build(Path output) throws Exception {
    Path module = Files.writeString(dir.resolve("app.wat"), "(module (func (export \"_start\")))");
    return run("image", "build", "-t", "x/app:1", "-o", output.toString(), module.toString());
  }

  @Test
  void aFolderAsOutputSaysToNameTheTarballUnderTheCommandsFullName() throws Exception {
    InProcess r = build(dir);
    assertEquals(1, r.status(), r.err());
    assertTrue(
        r.err()
            .startsWith(
                "cortado image build: -o "
                    + dir
                    + ": is a folder; give the tarball's file name, for example -o "
                    + dir.resolve("image.tar")),
        r.err());
  }

  @Test
  void missingFoldersOfTheOutputAreMade() throws Exception {
    Path tar = dir.resolve("new/folder/app.tar");
    InProcess r = build(tar);
    assertEquals(0, r.status(), r.err());
    assertTrue(Files.size(tar) > 0);
  }

  @Test
  void pullToAFolderIsRefusedBeforeAnythingIsPulled() {
    // Files.copy with REPLACE_EXISTING would have replaced an empty folder by the module.
    InProcess r = run("pull", "127.0.0.1:1/nothing:1", "-o", dir.toString());
    assertEquals(1, r.status(), r.err());
    assertTrue(
        r.err()
            .startsWith(
                "cortado pull: -o "
                    + dir
                    + ": is a folder; give the module's file name, for example -o "
                    + dir.resolve("module.wasm")),
        r.err());
    assertTrue(Files.isDirectory(dir));
  }
}
