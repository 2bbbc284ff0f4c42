package dev.cortado.compiler.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.EngineConfig;
import dev.cortado.runtime.ExecutionEngine;
import dev.cortado.runtime.Module;
import dev.cortado.runtime.internal.compiled.DigestMemo;
import dev.cortado.wasm.Bytes;
import dev.cortado.wasm.internal.FileStamp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RememberedDigestTest {
  @TempDir Path dir;

  @Test
  void aSmallModuleReadFromAnUnchangedFileIsKeyedByItsRememberedDigest() throws Exception {
    byte[] binary = Fixtures.binary(47);
    Path file = Files.write(dir.resolve("small.wasm"), binary);
    Path cache = dir.resolve("cache");
    FileStamp stamp = FileStamp.of(file).orElseThrow();
    // A digest no binary has: only the memo can have keyed the cache entry by it.
    String other = "ab".repeat(32);
    DigestMemo.record(
        cache, stamp, other, Math.max(stamp.changed(), stamp.modified()) + 3_000_000_000L);
    Engine engine =
        Engine.create(
            EngineConfig.defaults()
                .withExecutionEngine(ExecutionEngine.COMPILER)
                .withCodeCache(cache));
    CodeCache entries = new CodeCache(cache);
    Fixtures.check(Module.compile(engine, Bytes.read(file)), 47);
    assertTrue(Files.exists(entries.entryFile(CacheKey.of(other))), "keyed by the memo");
    // The same bytes from memory are hashed: an entry of their own digest.
    Fixtures.check(Module.compile(engine, Bytes.of(binary)), 47);
    assertTrue(Files.exists(entries.entryFile(CacheKey.of(sha256(binary)))));
    assertFalse(sha256(binary).equals(other));
  }

  private static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }
}
