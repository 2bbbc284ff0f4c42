package dev.cortado.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RustFilesProgramTest {
  @TempDir Path root;

  @Test
  void rustStdFsWorksInsideThePreopenAndNotOutside() throws IOException {
    Path box = Files.createDirectory(root.resolve("box"));
    Files.writeString(root.resolve("outside.txt"), "secret");
    Programs.Result r =
        Programs.run(
            "rust_files",
            WasiConfig.defaults()
                .withArgs(List.of("rust_files", "/box"))
                .withPreopen(Preopen.of(box, "/box")));
    assertEquals("", r.stderr());
    assertEquals("tail=world\nlen=12\nsub=[\"b.txt\"]\nescape=true\nleft=0\n", r.stdout());
    assertEquals(0, r.exitCode());
    assertTrue(Files.isDirectory(box.resolve("rust")));
    try (Stream<Path> left = Files.list(box.resolve("rust"))) {
      assertEquals(0, left.count());
    }
    assertEquals("secret", Files.readString(root.resolve("outside.txt")));
  }
}
