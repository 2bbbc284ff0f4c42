package dev.cortado.compiler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;

/** The emitters' digest in every code cache key reads real class files of this package. */
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
  void theDigestIsOfTheClassFilesNotAFallback() {
    assertFalse(CompilerVersion.EMITTERS.startsWith("unknown-"), CompilerVersion.EMITTERS);
    assertEquals(32, CompilerVersion.EMITTERS.length());
  }
}
