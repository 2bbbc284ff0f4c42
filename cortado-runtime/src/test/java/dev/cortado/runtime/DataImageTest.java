package dev.cortado.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Data segments applied ahead as one image give what applying them one by one gives. */
class DataImageTest {
  @Test
  void laterSegmentsOverwriteEarlierOnesAndPassiveOnesStay() {
    Module m =
        Module.compileText(
            Engine.create(),
            """
            (module (memory (export "m") 1)
              (data (i32.const 8) "aaaa")
              (data (i32.const 10) "bb")
              (data $p "ccc")
              (data (i32.const 100) "z")
              (func (export "init") (memory.init $p (i32.const 200) (i32.const 0) (i32.const 3))))
            """);
    assertTrue(m.dataImage().isPresent());
    // The first instance is initialized segment by segment, the second from the image.
    for (int n = 0; n < 2; n++) {
      Instance i = Linker.create().instantiate(Store.create(m.engine()), m);
      Memory mem = i.memory("m").orElseThrow();
      assertArrayEquals("aabb".getBytes(), mem.read(8, 4));
      assertEquals('z', mem.readByte(100));
      assertEquals(0, mem.readByte(50), "the gap between segments stays zero");
      i.func("init").orElseThrow().call();
      assertArrayEquals("ccc".getBytes(), mem.read(200, 3));
    }
  }

  @Test
  void aSegmentOutsideTheMemoryStillTraps() {
    Module m =
        Module.compileText(
            Engine.create(),
            "(module (memory 1) (data (i32.const 0) \"a\") (data (i32.const 65535) \"bc\"))");
    assertTrue(m.dataImage().isPresent());
    for (int n = 0; n < 2; n++) {
      Trap t =
          assertThrows(Trap.class, () -> Linker.create().instantiate(Store.create(m.engine()), m));
      assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, t.kind());
    }
  }

  @Test
  void offsetsReadingGlobalsAreAppliedOneByOne() {
    Module m =
        Module.compileText(
            Engine.create(),
            "(module (global i32 (i32.const 4)) (memory (export \"m\") 1)"
                + " (data (global.get 0) \"x\"))");
    assertTrue(m.dataImage().isEmpty());
    Instance i = Linker.create().instantiate(Store.create(m.engine()), m);
    assertEquals('x', i.memory("m").orElseThrow().readByte(4));
  }

  @Test
  void anImportedMemoryIsWrittenSegmentBySegment() {
    Module m =
        Module.compileText(
            Engine.create(), "(module (import \"e\" \"m\" (memory 1)) (data (i32.const 0) \"x\"))");
    assertTrue(m.dataImage().isEmpty());
  }
}
