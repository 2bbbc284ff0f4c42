package dev.cortado.wasm.binary;

import dev.cortado.wasm.Expression;
import dev.cortado.wasm.Opcode;
import dev.cortado.wasm.WasmVersion;
import dev.cortado.wasm.internal.ByteReader;
import dev.cortado.wasm.internal.ModelAccess;
import java.util.Arrays;

/**
 * Checks that code is well-formed as the binary grammar defines it: every instruction decodes,
 * blocks nest ({@code else} only inside {@code if}, once), and the code ends with the {@code end}
 * that closes the outermost level. Types are the validator's business.
 */
final class CodeScanner {
  private static final byte BLOCK = 0;
  private static final byte IF = 1;
  private static final byte IF_ELSE = 2;

  private final ByteReader in;
  private final InstructionReader reader;
  private byte[] frames = new byte[16];
  private boolean usesDataIndex;

  private CodeScanner(ByteReader in, WasmVersion version) {
    this.in = in;
    this.reader = new InstructionReader(in, version);
  }

  /**
   * Reads a constant expression starting at {@code in}'s position and ending with its outermost
   * {@code end}, leaving {@code in} just after it.
   */
  static Expression constant(ByteReader in) {
    int from = in.position();
    new CodeScanner(in, WasmVersion.WASM_3_0).scan(false);
    return expression(in, from, in.position());
  }

  /**
   * Checks a function body that must end exactly at {@code in}'s limit, and returns it.
   *
   * @param dataCountKnown whether the module has a data count section, which {@code memory.init}
   *     and {@code data.drop} need
   * @param version the edition whose encoding the body must have
   */
  static Expression body(ByteReader in, boolean dataCountKnown, WasmVersion version) {
    int from = in.position();
    CodeScanner s = new CodeScanner(in, version);
    s.scan(true);
    if (s.usesDataIndex && !dataCountKnown) {
      throw in.error("data count section required", from);
    }
    return expression(in, from, in.position());
  }

  /** Returns the code in {@code in}'s buffer from {@code from} to {@code to}, unchecked. */
  static Expression expression(ByteReader in, int from, int to) {
    return new Expression(ModelAccess.wrap(in.buffer(), from, to - from), in.absolute(from));
  }

  private void scan(boolean wholeRange) {
    int depth = 0;
    while (true) {
      if (in.atEnd()) {
        throw in.error(
            wholeRange ? "END opcode expected" : "unexpected end of section or function");
      }
      Opcode op = reader.next();
      switch (op) {
        case BLOCK, LOOP, IF, TRY_TABLE, TRY -> {
          if (depth == frames.length) {
            frames = Arrays.copyOf(frames, depth * 2);
          }
          frames[depth++] = op == Opcode.IF ? IF : BLOCK;
        }
        case ELSE -> {
          if (depth == 0 || frames[depth - 1] != IF) {
            throw in.error("else without matching if", in.position() - 1);
          }
          frames[depth - 1] = IF_ELSE;
        }
        case DELEGATE -> {
          // Ends a legacy try block, as end does.
          if (depth == 0) {
            throw in.error("delegate without matching try", in.position() - 1);
          }
          depth--;
        }
        case END -> {
          if (depth == 0) {
            if (wholeRange && !in.atEnd()) {
              throw in.error("section size mismatch: code after the final end");
            }
            return;
          }
          depth--;
        }
        case MEMORY_INIT, DATA_DROP -> usesDataIndex = true;
        default -> {}
      }
    }
  }
}
