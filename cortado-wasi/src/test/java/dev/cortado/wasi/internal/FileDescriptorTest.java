package dev.cortado.wasi.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file's positional calls take WASI's u64 offsets and sizes: one of 2^63 or more (negative as a
 * long) is an error for the guest, never an exception of the JDK's channel.
 */
class FileDescriptorTest {
  @TempDir Path tmp;

  @Test
  void offsetsAndSizesOf2To63OrMoreAreInvalid() throws Exception {
    Files.writeString(tmp.resolve("f"), "content");
    try (HostDir dir = HostDir.open(tmp)) {
      FileDescriptor f =
          new FileDescriptor(
              dir.openFile("f", Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE)),
              dir,
              "f",
              dir.stat("f", true),
              Abi.RIGHTS_FILE,
              0);
      byte[] buf = new byte[10];
      Executable[] calls = {
        () -> f.pread(buf, 0, buf.length, -1),
        () -> f.pread(buf, 0, buf.length, Long.MIN_VALUE),
        () -> f.pwrite(buf, 0, buf.length, -5),
        () -> f.setSize(-1),
      };
      for (Executable call : calls) {
        assertEquals(Errno.INVAL, assertThrows(Errno.Failure.class, call).errno());
      }
      assertEquals(
          "content", Files.readString(tmp.resolve("f")), "nothing was written or truncated");
      assertEquals(4, f.pread(buf, 0, 4, 3));
      assertArrayEquals("tent".getBytes(StandardCharsets.UTF_8), java.util.Arrays.copyOf(buf, 4));
      f.close();
    }
  }
}
