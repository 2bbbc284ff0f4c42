package dev.cortado.wasm.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.wasm.Bytes;
import dev.cortado.wasm.binary.ModuleDecoder;
import dev.cortado.wasm.binary.ModuleEncoder;
import dev.cortado.wasm.text.TextParser;
import dev.cortado.wasm.valid.FunctionInfo;
import dev.cortado.wasm.valid.ValidatedModule;
import dev.cortado.wasm.valid.Validator;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class KnownValidTest {
  private static final String WAT =
      """
      (module
        (func (param i32) (result i32)
          (block (result i32) (local.get 0) (br_if 0 (i32.const 1)) (drop) (i32.const 2)))
        (func (local i64 f64)
          (loop (br_if 0 (i32.const 0)))
          (if (i32.const 1) (then (nop)) (else (unreachable)))))
      """;

  @Test
  void validatesEachFunctionOnFirstUseAsAFullValidationWould() {
    Bytes binary = Bytes.of(ModuleEncoder.encode(TextParser.parseModule(WAT)));
    ValidatedModule eager = Validator.validate(ModuleDecoder.decode(binary));
    ValidatedModule lazy = KnownValid.validate(KnownValid.decode(binary));
    assertEquals(eager.module(), lazy.module());
    for (int i = 0; i < 2; i++) {
      FunctionInfo e = eager.functionInfo(i);
      FunctionInfo l = lazy.functionInfo(i);
      assertEquals(e.localTypes(), l.localTypes());
      assertEquals(e.maxStackHeight(), l.maxStackHeight());
      assertEquals(e.blockCount(), l.blockCount());
      for (int b = 0; b < e.blockCount(); b++) {
        assertArrayEquals(
            new int[] {e.blockStart(b), e.blockElse(b), e.blockEnd(b)},
            new int[] {l.blockStart(b), l.blockElse(b), l.blockEnd(b)});
      }
    }
  }

  @Test
  void digestsTheFrontEndsClassFilesOnce() throws IOException {
    long length = 0;
    for (String name : KnownValid.CLASSES) {
      try (InputStream in = Bytes.class.getResourceAsStream(name + ".class")) {
        length += in.readAllBytes().length;
      }
    }
    String d = KnownValid.frontEndDigest();
    assertTrue(d.matches("(jar-)?[0-9a-f]{1,8}-" + length), d);
    assertEquals(KnownValid.frontEndDigest(), KnownValid.frontEndDigest());
  }
}
