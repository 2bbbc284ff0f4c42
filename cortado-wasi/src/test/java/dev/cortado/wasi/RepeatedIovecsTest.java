package dev.cortado.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cortado.runtime.Instance;
import dev.cortado.runtime.Linker;
import dev.cortado.runtime.Module;
import dev.cortado.runtime.Store;
import dev.cortado.runtime.WasmValue;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Iovecs may name one run of memory many times: a write of more than the host takes at once is a
 * short write, which programs continue, not a buffer of the sum of the iovecs in the host's heap.
 */
class RepeatedIovecsTest {
  /**
   * Writes to standard output 4,096 iovecs that all name the 64 KiB at 65,536 (256 MiB in all);
   * returns fd_write's count of bytes written, or -errno.
   */
  private static final String WAT =
      """
      (module
        (import "wasi_snapshot_preview1" "fd_write"
          (func $fd_write (param i32 i32 i32 i32) (result i32)))
        (memory (export "memory") 2)
        (func (export "write") (result i32)
          (local $i i32) (local $errno i32)
          (memory.fill (i32.const 65536) (i32.const 120) (i32.const 65536))
          (loop $iovecs
            (i32.store (i32.mul (local.get $i) (i32.const 8)) (i32.const 65536))
            (i32.store (i32.add (i32.mul (local.get $i) (i32.const 8)) (i32.const 4))
              (i32.const 65536))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br_if $iovecs (i32.lt_u (local.get $i) (i32.const 4096))))
          (local.set $errno
            (call $fd_write (i32.const 1) (i32.const 0) (i32.const 4096) (i32.const 32768)))
          (if (result i32) (local.get $errno)
            (then (i32.sub (i32.const 0) (local.get $errno)))
            (else (i32.load (i32.const 32768))))))
      """;

  @Test
  void aWriteOfRepeatedIovecsIsCutToWhatTheHostTakesAtOnce() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (WasiPreview1 wasi =
        WasiPreview1.create(WasiConfig.defaults().withStdout(WasiOutput.to(out)))) {
      Store store = Store.create(Programs.engine());
      Linker linker = Linker.create();
      wasi.addTo(linker);
      Instance instance = linker.instantiate(store, Module.compileText(Programs.engine(), WAT));
      int written = ((WasmValue.I32) instance.func("write").orElseThrow().call().get(0)).value();
      assertEquals(16 << 20, written, "a short write of 16 MiB");
    }
    assertEquals(16 << 20, out.size());
  }
}
