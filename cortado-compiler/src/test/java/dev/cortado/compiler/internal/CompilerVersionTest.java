package dev.cortado.compiler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The emitters' checksum in every code cache key reads real class files of this package. */
class CompilerVersionTest {
  @Test
  void everyEmitterNamedIsAClassOfThisPackage() throws ClassNotFoundException {
    String pkg = CompilerVersion.class.getPackageName();
    for (String name : CompilerVersion.EMITTER_CLASSES) {
      assertNotNull(
          CompilerVersion.class.getResource(name + ".class"), name + ".class is not a resource");
      assertEquals(name, Class.forName(pkg + "." + name).getSimpleName());
    }
  }

  @Test
  void theChecksumIsOfTheClassFilesNotAFallback() throws IOException {
    assertFalse(CompilerVersion.EMITTERS.startsWith("unknown-"), CompilerVersion.EMITTERS);
    long length = 0;
    for (String name : CompilerVersion.EMITTER_CLASSES) {
      try (InputStream in = CompilerVersion.class.getResourceAsStream(name + ".class")) {
        length += in.readAllBytes().length;
      }
    }
    assertTrue(
        CompilerVersion.EMITTERS.matches("[0-9a-f]{1,8}-" + length), CompilerVersion.EMITTERS);
  }
}
