package dev.cortado.wasm.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cortado.wasm.MalformedException;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CodeBodiesTest {
  /**
   * A module of {@code count} functions () -> () of {@code nops} nops each, as the decoder sees it.
   */
  private static byte[] module(int count, int nops, Set<Integer> malformed) {
    ByteArrayOutputStream m = new ByteArrayOutputStream();
    m.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0, 1, 4, 1, 0x60, 0, 0});
    ByteArrayOutputStream functions = new ByteArrayOutputStream();
    leb(functions, count);
    functions.write(new byte[count], 0, count);
    section(m, 3, functions);
    ByteArrayOutputStream code = new ByteArrayOutputStream();
    leb(code, count);
    for (int i = 0; i < count; i++) {
      byte[] body = new byte[nops + 2]; // no locals, nops, end
      Arrays.fill(body, 1, nops + 1, (byte) 0x01);
      body[nops + 1] = 0x0b;
      if (malformed.contains(i)) {
        body[1] = 0x05; // else without if
      }
      leb(code, body.length);
      code.writeBytes(body);
    }
    section(m, 10, code);
    return m.toByteArray();
  }

  private static void section(ByteArrayOutputStream m, int id, ByteArrayOutputStream contents) {
    m.write(id);
    leb(m, contents.size());
    m.writeBytes(contents.toByteArray());
  }

  private static void leb(ByteArrayOutputStream out, int value) {
    do {
      int b = value & 0x7f;
      value >>>= 7;
      out.write(value == 0 ? b : b | 0x80);
    } while (value != 0);
  }

  @Test
  void reportsTheFirstMalformedBodyWhenBodiesAreCheckedInParallel() {
    // 400 KiB of code: checked in chunks on several threads.
    byte[] twoBad = module(400, 1000, Set.of(150, 390));
    long first =
        ModuleDecoder.decode(module(400, 1000, Set.of()))
            .functions()
            .get(150)
            .body()
            .sourceOffset();
    for (int run = 0; run < 5; run++) {
      MalformedException e =
          assertThrows(MalformedException.class, () -> ModuleDecoder.decode(twoBad));
      assertEquals("else without matching if", e.problem());
      assertEquals(OptionalLong.of(first), e.offset());
    }
  }

  @Test
  void reportsAMalformedBodyBeforeAProblemInALaterSection() {
    byte[] bad = module(2, 3, Set.of(1));
    byte[] withData = Arrays.copyOf(bad, bad.length + 3);
    withData[bad.length] = 11; // a data section that claims more bytes than there are
    withData[bad.length + 1] = 9;
    withData[bad.length + 2] = 1;
    assertEquals(
        "else without matching if",
        assertThrows(MalformedException.class, () -> ModuleDecoder.decode(withData)).problem());
  }
}
