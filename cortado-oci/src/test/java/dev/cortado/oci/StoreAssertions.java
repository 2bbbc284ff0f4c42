package dev.cortado.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Checks that a store is intact: every blob matches its digest name, and no temporary files. */
final class StoreAssertions {
  private StoreAssertions() {}

  static void assertIntact(LocalStore store) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(store.root())) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    for (Path f : files) {
      String name = f.getFileName().toString();
      assertFalse(name.startsWith(".tmp-"), "leftover temporary file " + f);
      if (f.getParent().getFileName().toString().equals("sha256")) {
        assertEquals(
            name, Digest.sha256(Files.readAllBytes(f)).hex(), "blob content vs name: " + f);
      }
    }
  }
}
