package dev.cortado.compiler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.wasm.internal.OwnJar;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The emitters' checksum in every code cache key reads real class files of this package. */
class CompilerVersionTest {
  @TempDir Path dir;

  @Test
  void everyEmitterNamedIsAClassOfThisPackage() throws ClassNotFoundException {
    String pkg = CompilerVersion.class.getPackageName();
    for (String name : CompilerVersion.EMITTER_CLASSES) {
      assertNotNull(
          CompilerVersion.class.getResource(name + ".class"), name + ".class is not a resource");
      assertEquals(name, Class.forName(pkg + "." + name).getSimpleName());
    }
  }

  /** The classes of this package that do not shape generated code: the cache and the service. */
  private static final Set<String> NOT_CODEGEN =
      Set.of(
          "CacheEntryFormat",
          "CacheKey",
          "CacheStats",
          "CodeCache",
          "CompilerVersion",
          "JvmModuleCompiler",
          "MethodLimit", // in the key through OPTIONS
          "ModuleClassLoader",
          "Precompilation");

  @Test
  void everyClassThatShapesGeneratedCodeIsNamed() throws Exception {
    // A class left out would let a change to it keep loading classes an older build generated.
    Path folder =
        Path.of(CompilerVersion.class.getResource("CompilerVersion.class").toURI()).getParent();
    Set<String> missing = new TreeSet<>();
    try (Stream<Path> files = Files.list(folder)) {
      files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".class") && !n.contains("$") && !n.startsWith("package-info"))
          .map(n -> n.substring(0, n.length() - ".class".length()))
          .filter(n -> !NOT_CODEGEN.contains(n) && !CompilerVersion.EMITTER_CLASSES.contains(n))
          .forEach(missing::add);
    }
    assertEquals(Set.of(), missing);
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

  @Test
  void inAJarTheChecksumComesFromItsDirectoryAndChangesWithAnyEmitter() throws IOException {
    String folder = "dev/cortado/compiler/internal/";
    Path jar = dir.resolve("compiler.jar");
    writeJar(jar, folder, null);
    String base;
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      base = OwnJar.jarChecksum(zip, folder, CompilerVersion.EMITTER_CLASSES);
    }
    assertTrue(base.matches("jar-[0-9a-f]{1,8}-[0-9]+"), base);
    for (String changed : List.of("ModuleEmitter", "JvmTypes")) {
      writeJar(jar, folder, changed);
      try (ZipFile zip = new ZipFile(jar.toFile())) {
        assertNotEquals(
            base, OwnJar.jarChecksum(zip, folder, CompilerVersion.EMITTER_CLASSES), changed);
      }
    }
    writeJar(jar, folder, null);
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      assertEquals(
          base,
          OwnJar.jarChecksum(zip, folder, CompilerVersion.EMITTER_CLASSES),
          "the same jar again");
      assertNotEquals(
          base,
          OwnJar.jarChecksum(zip, "elsewhere/", CompilerVersion.EMITTER_CLASSES),
          "classes missing");
    }
  }

  /** Writes the emitters' class files into {@code jar}, one byte of {@code changed}'s flipped. */
  private static void writeJar(Path jar, String folder, String changed) throws IOException {
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
      for (String name : CompilerVersion.EMITTER_CLASSES) {
        byte[] b;
        try (InputStream in = CompilerVersion.class.getResourceAsStream(name + ".class")) {
          b = in.readAllBytes();
        }
        if (name.equals(changed)) {
          b[b.length - 1] ^= 1;
        }
        out.putNextEntry(new ZipEntry(folder + name + ".class"));
        out.write(b);
        out.closeEntry();
      }
    }
  }
}
