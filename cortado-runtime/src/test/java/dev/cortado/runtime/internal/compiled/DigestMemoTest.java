package dev.cortado.runtime.internal.compiled;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.EngineConfig;
import dev.cortado.runtime.ExecutionEngine;
import dev.cortado.runtime.Instance;
import dev.cortado.runtime.Linker;
import dev.cortado.runtime.Module;
import dev.cortado.runtime.Store;
import dev.cortado.wasm.Bytes;
import dev.cortado.wasm.InvalidException;
import dev.cortado.wasm.binary.ModuleEncoder;
import dev.cortado.wasm.internal.FileStamp;
import dev.cortado.wasm.text.TextParser;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigestMemoTest {
  @TempDir Path dir;

  private static final String SHA = "ab".repeat(32);
  private static final String OTHER = "cd".repeat(32);

  private Path cache() {
    return dir.resolve("cache");
  }

  private Path file(String content) throws Exception {
    return Files.writeString(dir.resolve("module.wasm"), content);
  }

  private static FileStamp stamp(Path file) {
    return FileStamp.of(file).orElseThrow();
  }

  /** The clock long after the file last changed. */
  private static long settled(FileStamp s) {
    return Math.max(s.changed(), s.modified()) + DigestMemo.SETTLED;
  }

  @Test
  void findsTheDigestOfAnUnchangedFile() throws Exception {
    FileStamp s = stamp(file("module"));
    DigestMemo.record(cache(), s, SHA, settled(s));
    assertEquals(Optional.of(SHA), DigestMemo.find(cache(), stamp(dir.resolve("module.wasm"))));
  }

  @Test
  void remembersNothingOfAFileChangedInTheLastTwoSeconds() throws Exception {
    FileStamp s = stamp(file("module"));
    DigestMemo.record(cache(), s, SHA, settled(s) - 1);
    assertEquals(Optional.empty(), DigestMemo.find(cache(), s));
  }

  /** Writes a file and remembers {@link #SHA} as its digest; returns the file. */
  private Path remembered() throws Exception {
    Path f = file("module");
    FileStamp s = stamp(f);
    DigestMemo.record(cache(), s, SHA, settled(s));
    return f;
  }

  @Test
  void aFileRewrittenWithTheSameSizeAndModificationTimeIsNotTakenForTheOldOne() throws Exception {
    Path f = remembered();
    FileStamp before = stamp(f);
    FileTime modified = Files.getLastModifiedTime(f);
    Thread.sleep(20); // past the file system's clock tick
    Files.writeString(f, "MODULE");
    Files.setLastModifiedTime(f, modified);
    FileStamp after = stamp(f);
    assertEquals(before.size(), after.size());
    assertEquals(before.modified(), after.modified());
    assertEquals(Optional.empty(), DigestMemo.find(cache(), after));
  }

  @Test
  void aGrownFileIsNotTakenForTheOldOne() throws Exception {
    Path f = remembered();
    Files.writeString(f, "more", StandardOpenOption.APPEND);
    assertEquals(Optional.empty(), DigestMemo.find(cache(), stamp(f)));
  }

  @Test
  void aDamagedMemoIsIgnoredAndReplaced() throws Exception {
    FileStamp s = stamp(file("module"));
    DigestMemo.record(cache(), s, SHA, settled(s));
    Path memo;
    try (Stream<Path> memos = Files.list(cache().resolve("digests"))) {
      memo = memos.findFirst().orElseThrow();
    }
    String whole = Files.readString(memo);
    Files.writeString(memo, whole.substring(0, whole.length() - 10));
    assertEquals(Optional.empty(), DigestMemo.find(cache(), s));
    DigestMemo.record(cache(), s, OTHER, settled(s));
    assertEquals(Optional.of(OTHER), DigestMemo.find(cache(), s));
  }

  @Test
  void compilingAModuleReadFromAnUnchangedFileUsesTheRememberedDigest() throws Exception {
    // A binary of more than 1 MiB (a custom section pads it): large enough to be looked up.
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(ModuleEncoder.encode(TextParser.parseModule("(module (func (export \"f\")))")));
    b.writeBytes(new byte[] {0, (byte) 0x84, (byte) 0x80, (byte) 0xc0, 0, 3, 'p', 'a', 'd'});
    b.writeBytes(new byte[1 << 20]);
    Path f = Files.write(dir.resolve("big.wasm"), b.toByteArray());
    FileStamp s = stamp(f);
    // A digest no binary has: only the memo can have given it to the validation record.
    DigestMemo.record(cache(), s, OTHER, settled(s));
    Engine engine =
        Engine.create(
            EngineConfig.defaults()
                .withExecutionEngine(ExecutionEngine.INTERPRETER)
                .withCodeCache(cache()));
    Module.compile(engine, Bytes.read(f));
    assertTrue(ValidationRecord.has(cache(), OTHER));
    // Bytes from anywhere else are hashed, as before.
    Module.compile(engine, Bytes.of(b.toByteArray()));
    try (Stream<Path> records = Files.list(cache().resolve("validated"))) {
      assertEquals(2, records.count());
    }
  }

  @Test
  void aSmallModuleWhoseRememberedDigestIsRecordedValidIsValidatedOnlyWhenItsFunctionsAreUsed()
      throws Exception {
    // A body that does not validate (an i64 returned as an i32), in a small binary.
    byte[] binary =
        ModuleEncoder.encode(
            TextParser.parseModule(
                "(module (func (export \"f\") (result i32) (i64.const 1)) (func (export \"g\")))"));
    Path f = Files.write(dir.resolve("small.wasm"), binary);
    Engine engine =
        Engine.create(
            EngineConfig.defaults()
                .withExecutionEngine(ExecutionEngine.INTERPRETER)
                .withCodeCache(cache()));
    // Not known yet: validated in full, and refused.
    assertThrows(InvalidException.class, () -> Module.compile(engine, Bytes.read(f)));
    // Its digest remembered and (as though by another build's mistake) recorded valid: the module
    // is taken as valid, as a large one is, and its bodies are validated on first use only.
    FileStamp s = stamp(f);
    DigestMemo.record(cache(), s, OTHER, settled(s));
    ValidationRecord.add(cache(), OTHER);
    Module m = Module.compile(engine, Bytes.read(f));
    Instance i = Linker.create().instantiate(Store.create(engine), m);
    assertEquals(List.of(), i.func("g").orElseThrow().call());
    assertThrows(InvalidException.class, () -> i.func("f").orElseThrow().call());
  }
}
