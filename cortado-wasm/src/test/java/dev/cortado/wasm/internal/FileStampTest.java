package dev.cortado.wasm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.cortado.wasm.Bytes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStampTest {
  @TempDir Path dir;

  @Test
  void bytesReadFromAFileCarryItsStampAndOtherBytesNone() throws Exception {
    Path f = Files.writeString(dir.resolve("m.wasm"), "contents");
    Bytes read = Bytes.read(f);
    Optional<FileStamp> stamp = ModelAccess.bytes().source(read);
    assertEquals(FileStamp.of(f), stamp);
    assertEquals(8, stamp.orElseThrow().size());
    assertEquals(f.toAbsolutePath().normalize().toString(), stamp.orElseThrow().path());
    assertEquals(Optional.empty(), ModelAccess.bytes().source(Bytes.of(read.toArray())));
    assertEquals(Optional.empty(), ModelAccess.bytes().source(read.slice(1, 2)));
  }

  @Test
  void aFileReplacedByAnotherHasAnotherStamp() throws Exception {
    Path f = Files.writeString(dir.resolve("m.wasm"), "contents");
    FileStamp before = FileStamp.of(f).orElseThrow();
    Path other = Files.writeString(dir.resolve("n.wasm"), "contents");
    Files.move(other, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertNotEquals(before.inode(), FileStamp.of(f).orElseThrow().inode());
  }

  @Test
  void aMissingFileHasNoStamp() {
    assertEquals(Optional.empty(), FileStamp.of(dir.resolve("missing.wasm")));
  }
}
