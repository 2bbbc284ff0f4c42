package dev.cortado.compiler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cortado.wasm.Opcode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimdMethodsTest {
  @Test
  void namesFollowTheInstructionInCamelCase() {
    assertEquals("i16x8ExtmulLowI8x16S", SimdMethods.camelCase("i16x8.extmul_low_i8x16_s"));
    assertEquals("v128AnyTrue", SimdMethods.camelCase("v128.any_true"));
  }

  @Test
  void everyVectorInstructionOutsideMemoryHasANumericsMethod() {
    List<Opcode> missing = new ArrayList<>();
    for (Opcode op : Opcode.values()) {
      boolean computes =
          op.prefix() == Opcode.PREFIX_FD
              && switch (op.immediate()) {
                case NONE, LANE, SHUFFLE -> true;
                default -> false;
              };
      if (computes) {
        try {
          SimdMethods.of(op);
        } catch (RuntimeException e) {
          missing.add(op);
        }
      }
    }
    assertEquals(List.of(), missing);
  }
}
