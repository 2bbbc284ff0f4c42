package dev.cortado.wasm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TempFilesTest {
  @TempDir Path dir;

  @Test
  void aTemporaryFileHasTheDefaultPermissionsOfANewFile() throws Exception {
    assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Path plain = Files.createFile(dir.resolve("plain"));
    Path temp = TempFiles.create(dir, ".tmp-", ".part");
    assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(temp));
  }

  @Test
  void eachCallMakesANewEmptyFileNamedWithThePrefixAndSuffix() throws Exception {
    Set<Path> made = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      Path p = TempFiles.create(dir, ".tmp-x-", ".jar");
      String name = p.getFileName().toString();
      assertTrue(name.startsWith(".tmp-x-") && name.endsWith(".jar"), name);
      assertEquals(0, Files.size(p));
      assertTrue(made.add(p), "drawn twice: " + p);
    }
  }
}
