package dev.cortado.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cortado image build -o}: where the tarball goes, and what is said when it cannot. */
class ImageBuildOutputTest {
  @TempDir Path dir;

  private record Run(int status, String out, String err) {}

  private Run build(Path output) throws Exception {
    Path module = Files.writeString(dir.resolve("app.wat"), "(module (func (export \"_start\")))");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status =
        Main.run(
            new String[] {
              "image", "build", "-t", "x/app:1", "-o", output.toString(), module.toString()
            },
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    return new Run(status, out.toString(), err.toString());
  }

  @Test
  void aFolderAsOutputSaysToNameTheTarballUnderTheCommandsFullName() throws Exception {
    Run r = build(dir);
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
    Run r = build(tar);
    assertEquals(0, r.status(), r.err());
    assertTrue(Files.size(tar) > 0);
  }
}
