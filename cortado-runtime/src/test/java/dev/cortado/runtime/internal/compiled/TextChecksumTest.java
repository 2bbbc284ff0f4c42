package dev.cortado.runtime.internal.compiled;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TextChecksumTest {
  @Test
  void equalTextsAgreeAndNearbyTextsDiffer() {
    assertEquals(TextChecksum.of("codegen=12"), TextChecksum.of("codegen=12"));
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      seen.add(TextChecksum.of("cortado=0.1.0\ncodegen=" + i + "\n"));
    }
    assertEquals(10_000, seen.size(), "no two of 10,000 version texts collide");
    assertNotEquals(TextChecksum.of("/a/b.wasm\n1\n2"), TextChecksum.of("/a/b.wasm\n1\n3"));
    assertEquals(16, TextChecksum.hex("").length());
    assertEquals("0000000000000000", TextChecksum.hex(""));
  }
}
