package dev.cortado.compiler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.EngineConfig;
import dev.cortado.runtime.ExecutionEngine;
import dev.cortado.runtime.Module;
import dev.cortado.wasm.valid.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CodeCacheTest {
  @TempDir Path cache;

  private record Counts(long hits, long misses, long rejected, long writes, long writeFailures) {
    static Counts now() {
      return new Counts(
          CacheStats.HITS.get(),
          CacheStats.MISSES.get(),
          CacheStats.REJECTED.get(),
          CacheStats.WRITES.get(),
          CacheStats.WRITE_FAILURES.get());
    }

    Counts since(Counts before) {
      return new Counts(
          hits - before.hits,
          misses - before.misses,
          rejected - before.rejected,
          writes - before.writes,
          writeFailures - before.writeFailures);
    }
  }

  private Path onlyEntry() throws IOException {
    try (Stream<Path> files = Files.list(cache)) {
      List<Path> all = files.toList();
      assertEquals(1, all.size(), "one entry and no temporary files: " + all);
      assertTrue(all.get(0).getFileName().toString().endsWith(CodeCache.SUFFIX));
      return all.get(0);
    }
  }

  @Test
  void secondCompileOfTheSameModuleLoadsTheCachedClasses() throws IOException {
    Counts before = Counts.now();
    Fixtures.check(Module.compile(Fixtures.engine(cache), Fixtures.binary(7)), 7);
    assertEquals(new Counts(0, 1, 0, 1, 0), Counts.now().since(before));
    onlyEntry();

    Counts second = Counts.now();
    // Another engine, whose type ids differ: cached code must resolve them at run time.
    Fixtures.check(Module.compile(Fixtures.engineWithShiftedTypeIds(cache), Fixtures.binary(7)), 7);
    Counts d = Counts.now().since(second);
    assertEquals(1, d.hits(), d.toString());
    assertEquals(1, d.misses(), "only the engine's other module was compiled: " + d);
  }

  @Test
  void aModuleFromTextSharesTheEntryOfItsBinary() {
    Module.compile(Fixtures.engine(cache), Fixtures.binary(3));
    Counts before = Counts.now();
    Fixtures.check(Module.compileText(Fixtures.engine(cache), Fixtures.wat(3)), 3);
    assertEquals(1, Counts.now().since(before).hits());
  }

  @Test
  void differentModulesGetDifferentEntries() throws IOException {
    Module.compile(Fixtures.engine(cache), Fixtures.binary(1));
    Module.compile(Fixtures.engine(cache), Fixtures.binary(2));
    try (Stream<Path> files = Files.list(cache)) {
      assertEquals(2, files.count());
    }
  }

  @Test
  void withoutCacheNothingIsWrittenOrRead() throws IOException {
    Engine engine =
        Engine.create(
            EngineConfig.defaults()
                .withExecutionEngine(ExecutionEngine.COMPILER)
                .withoutCodeCache());
    Counts before = Counts.now();
    Fixtures.check(Module.compile(engine, Fixtures.binary(4)), 4);
    Fixtures.check(Module.compile(engine, Fixtures.binary(4)), 4);
    assertEquals(new Counts(0, 2, 0, 0, 0), Counts.now().since(before));
    try (Stream<Path> files = Files.list(cache)) {
      assertEquals(0, files.count());
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "truncate",
        "truncateHalf",
        "flipByte",
        "flipLastByte",
        "foreign",
        "empty",
        "other"
      })
  void aDamagedOrForeignEntryIsRebuiltNeverLoaded(String damage) throws IOException {
    Module.compile(Fixtures.engine(cache), Fixtures.binary(5));
    Path entry = onlyEntry();
    byte[] good = Files.readAllBytes(entry);
    byte[] bad =
        switch (damage) {
          case "truncate" -> java.util.Arrays.copyOf(good, good.length - 1);
          case "truncateHalf" -> java.util.Arrays.copyOf(good, good.length / 2);
          case "flipByte" -> flip(good, good.length / 2);
          case "flipLastByte" -> flip(good, good.length - 1);
          case "foreign" -> "PK\3\4 some other program's file".repeat(50).getBytes();
          case "empty" -> new byte[0];
          case "other" -> otherModulesEntry(entry);
          default -> throw new IllegalArgumentException(damage);
        };
    Files.write(entry, bad);

    Counts before = Counts.now();
    Fixtures.check(Module.compile(Fixtures.engine(cache), Fixtures.binary(5)), 5);
    assertEquals(new Counts(0, 1, 1, 1, 0), Counts.now().since(before), damage);
    assertTrue(java.util.Arrays.equals(good, Files.readAllBytes(onlyEntry())), "rebuilt as before");

    Counts after = Counts.now();
    Fixtures.check(Module.compile(Fixtures.engine(cache), Fixtures.binary(5)), 5);
    assertEquals(new Counts(1, 0, 0, 0, 0), Counts.now().since(after));
  }

  private static byte[] flip(byte[] b, int at) {
    byte[] c = b.clone();
    c[at] ^= 0x10;
    return c;
  }

  /** A complete, intact entry, but another module's: valid checksum, wrong key. */
  private static byte[] otherModulesEntry(Path dir) {
    String sha = Precompilation.sha256(Fixtures.binary(99));
    ModuleClasses other =
        ModuleClasses.emit(
            Validator.validate(dev.cortado.wasm.binary.ModuleDecoder.decode(Fixtures.binary(99))),
            sha);
    return CacheEntryFormat.write(CacheKey.of(sha), other);
  }

  @Test
  void writingAnEntrySweepsTemporaryFilesOfKilledWritersButNotOfLiveOnes() throws IOException {
    Files.createDirectories(cache);
    Path abandoned = Files.writeString(cache.resolve(".tmp-0123456789abcdef-1.classes"), "half");
    Files.setLastModifiedTime(
        abandoned,
        java.nio.file.attribute.FileTime.from(
            java.time.Instant.now().minus(CodeCache.ABANDONED).minusSeconds(60)));
    Path live = Files.writeString(cache.resolve(".tmp-fedcba9876543210-2.classes"), "writing");
    Module.compile(Fixtures.engine(cache), Fixtures.binary(9));
    assertTrue(Files.notExists(abandoned));
    assertTrue(Files.exists(live));
  }

  @Test
  void theKeyChangesWithEveryVersionAndOption() {
    String sha = "ab".repeat(32);
    CacheKey base = CacheKey.of(sha, "0.1.0", 1, 1, "");
    assertEquals(base, CacheKey.of(sha, "0.1.0", 1, 1, ""));
    assertNotEquals(base, CacheKey.of("cd".repeat(32), "0.1.0", 1, 1, ""));
    assertNotEquals(base, CacheKey.of(sha, "0.2.0", 1, 1, ""));
    assertNotEquals(base, CacheKey.of(sha, "0.1.0", 2, 1, ""));
    assertNotEquals(base, CacheKey.of(sha, "0.1.0", 1, 2, ""));
    assertNotEquals(base, CacheKey.of(sha, "0.1.0", 1, 1, "fuel=always"));
  }

  @Test
  void anEntryWrittenByAnotherCompilerVersionIsNotUsed() throws IOException {
    byte[] binary = Fixtures.binary(6);
    String sha = Precompilation.sha256(binary);
    ModuleClasses classes =
        ModuleClasses.emit(
            Validator.validate(dev.cortado.wasm.binary.ModuleDecoder.decode(binary)), sha);
    CacheKey older =
        CacheKey.of(
            sha,
            dev.cortado.runtime.internal.compiled.CodeVersion.CORTADO,
            dev.cortado.runtime.internal.compiled.CodeVersion.ABI,
            CompilerVersion.CODEGEN - 1,
            "");
    // Placed where this build's entry would be, as if the key scheme had not separated them.
    Files.write(
        new CodeCache(cache).entryFile(CacheKey.of(sha)), CacheEntryFormat.write(older, classes));

    Counts before = Counts.now();
    Fixtures.check(Module.compile(Fixtures.engine(cache), binary), 6);
    assertEquals(new Counts(0, 1, 1, 1, 0), Counts.now().since(before));
  }

  @Test
  void aCacheThatCannotBeWrittenDoesNotFailTheRun() throws IOException {
    Path notAFolder = Files.writeString(cache.resolve("file"), "in the way");
    Counts before = Counts.now();
    Fixtures.check(
        Module.compile(Fixtures.engine(notAFolder.resolve("code")), Fixtures.binary(8)), 8);
    assertEquals(new Counts(0, 1, 0, 0, 1), Counts.now().since(before));
  }

  @Test
  void theDefaultFolderIsTheUsersCacheOrCortadoCacheDir() {
    Path folder = EngineConfig.defaults().codeCache().orElseThrow();
    String own = System.getenv("CORTADO_CACHE_DIR");
    if (own != null && !own.isBlank()) {
      assertEquals(Path.of(own), folder);
    } else {
      assertTrue(folder.endsWith(Path.of("cortado", "code")), folder.toString());
    }
  }
}
