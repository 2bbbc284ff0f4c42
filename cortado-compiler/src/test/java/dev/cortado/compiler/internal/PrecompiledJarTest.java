package dev.cortado.compiler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cortado.compiler.PrecompiledModule;
import dev.cortado.runtime.Engine;
import dev.cortado.runtime.EngineConfig;
import dev.cortado.runtime.ExecutionEngine;
import dev.cortado.runtime.Module;
import dev.cortado.runtime.internal.compiled.CompiledModule;
import dev.cortado.runtime.internal.compiled.Precompiled;
import dev.cortado.wasm.WasmModule;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A jar of precompiled classes runs a module in a JVM that has no compiler. */
class PrecompiledJarTest {
  @TempDir Path dir;

  private record Run(int status, String out) {}

  private Run application(Path module, Path... extraClassPath) throws Exception {
    return application(module, true, extraClassPath);
  }

  private Run application(Path module, boolean withoutCompiler, Path... extraClassPath)
      throws Exception {
    List<String> cp = new ArrayList<>();
    for (Path p : extraClassPath) {
      cp.add(p.toString());
    }
    cp.add(location(CompiledModule.class)); // cortado-runtime
    cp.add(location(WasmModule.class)); // cortado-wasm
    cp.add(location(PrecompiledUser.class)); // the application (test classes)
    for (String entry : withoutCompiler ? cp : List.<String>of()) {
      String name = Path.of(entry).getFileName().toString();
      assertTrue(!name.startsWith("asm") && !entry.endsWith("cortado-compiler/target/classes"));
    }
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                String.join(File.pathSeparator, cp),
                PrecompiledUser.class.getName(),
                module.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    return new Run(p.exitValue(), out);
  }

  private static String location(Class<?> c) throws Exception {
    return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }

  @Test
  void anApplicationRunsPrecompiledCodeWithoutTheCompiler() throws Exception {
    Path module = Files.write(dir.resolve("m.wasm"), Fixtures.binary(42));
    PrecompiledModule pre = PrecompiledModule.compile(Files.readAllBytes(module));
    Path jar = dir.resolve("m.jar");
    pre.writeJar(jar);
    try (JarFile j = new JarFile(jar.toFile())) {
      assertTrue(j.getEntry("META-INF/cortado/compiled/" + pre.sha256()) != null);
    }

    Run r = application(module, jar);
    assertEquals(0, r.status(), r.out());
    assertEquals("asm=false compiler=false precompiled=1 square=144 sum=45 k=42", r.out().strip());
  }

  @Test
  void precompiledClassesOfAnotherVersionAreIgnoredAndTheModuleCompiledAnew() throws Exception {
    byte[] binary = Fixtures.binary(47);
    Path module = Files.write(dir.resolve("m.wasm"), binary);
    PrecompiledModule pre = PrecompiledModule.compile(binary);
    Path classes = dir.resolve("stale");
    pre.writeClasses(classes);
    Path index = classes.resolve("META-INF/cortado/compiled/" + pre.sha256());
    Files.writeString(
        index,
        Files.readString(index)
            .replace(
                "cortado=" + dev.cortado.runtime.internal.compiled.CodeVersion.CORTADO,
                "cortado=0.0.1"));
    // The stale classes come first on the class path, the compiler after them.
    Run r =
        application(
            module,
            false,
            classes,
            Path.of(location(JvmModuleCompiler.class)),
            Path.of(location(org.objectweb.asm.ClassWriter.class)));
    assertEquals(0, r.status(), r.out());
    assertTrue(r.out().contains("ignoring precompiled code"), r.out());
    assertTrue(r.out().contains("compiler=true precompiled=0 square=144 sum=45 k=47"), r.out());
  }

  @Test
  void theJarGetsThePermissionsOfAnyNewFileNotOwnerOnly() throws Exception {
    // The jar is a build's output, to ship: others may read it if the umask lets them.
    assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Path plain = Files.createFile(dir.resolve("plain"));
    Path jar = dir.resolve("out/m.jar");
    PrecompiledModule.compile(Fixtures.binary(45)).writeJar(jar);
    assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(jar));
    try (var files = Files.list(jar.getParent())) {
      assertEquals(List.of(jar), files.toList(), "no temporary file left beside the jar");
    }
  }

  @Test
  void withoutTheJarTheSameApplicationNeedsTheCompiler() throws Exception {
    Path module = Files.write(dir.resolve("m.wasm"), Fixtures.binary(43));
    Run r = application(module);
    assertEquals(1, r.status(), r.out());
    assertTrue(r.out().contains("the compiler engine is not available"), r.out());
  }

  @Test
  void aJarForAnotherModuleIsNotUsed() throws Exception {
    Path module = Files.write(dir.resolve("m.wasm"), Fixtures.binary(44));
    Path jar = dir.resolve("other.jar");
    PrecompiledModule.compile(Fixtures.binary(45)).writeJar(jar);
    Run r = application(module, jar);
    assertTrue(r.out().contains("the compiler engine is not available"), r.out());
  }

  @Test
  void inProcessPrecompiledClassesOnTheClassPathComeBeforeTheCompiler() throws Exception {
    byte[] binary = Fixtures.binary(46);
    PrecompiledModule pre = PrecompiledModule.compile(binary);
    Path classes = dir.resolve("classes");
    pre.writeClasses(classes);
    assertTrue(Files.exists(classes.resolve("META-INF/cortado/compiled/" + pre.sha256())));
    ClassLoader saved = Thread.currentThread().getContextClassLoader();
    try (var loader =
        new java.net.URLClassLoader(
            new java.net.URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      Thread.currentThread().setContextClassLoader(loader);
      long before = Precompiled.loadedCount();
      long misses = CacheStats.MISSES.get();
      Engine engine =
          Engine.create(
              EngineConfig.defaults()
                  .withExecutionEngine(ExecutionEngine.COMPILER)
                  .withoutCodeCache());
      Fixtures.check(Module.compile(engine, binary), 46);
      assertEquals(1, Precompiled.loadedCount() - before);
      assertEquals(misses, CacheStats.MISSES.get(), "the compiler was not asked");

      // Told not to look, the engine compiles the module although the classes are there.
      Engine notLooking =
          Engine.create(
              EngineConfig.defaults()
                  .withExecutionEngine(ExecutionEngine.COMPILER)
                  .withoutCodeCache()
                  .withoutPrecompiledCode());
      assertFalse(notLooking.config().precompiledCode());
      Fixtures.check(Module.compile(notLooking, binary), 46);
      assertEquals(1, Precompiled.loadedCount() - before, "the precompiled classes were not used");
      assertEquals(misses + 1, CacheStats.MISSES.get(), "the compiler was asked");
    } finally {
      Thread.currentThread().setContextClassLoader(saved);
    }
  }
}
