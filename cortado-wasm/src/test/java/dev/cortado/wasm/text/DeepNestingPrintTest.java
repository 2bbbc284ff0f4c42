package dev.cortado.wasm.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.binary.ModuleDecoder;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The text of code stays linear in the size of the code however deep its blocks nest: indentation
 * stops growing at {@link CodePrinter#MAX_INDENT_DEPTH}.
 */
class DeepNestingPrintTest {
  /** A binary module with one function whose body is {@code depth} nested empty blocks. */
  static byte[] nestedBlocks(int depth) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(0); // no locals
    for (int i = 0; i < depth; i++) {
      body.write(0x02); // block
      body.write(0x40); // with no result
    }
    for (int i = 0; i <= depth; i++) {
      body.write(0x0B); // end: of each block, then of the function
    }
    ByteArrayOutputStream code = new ByteArrayOutputStream();
    code.write(1); // one body
    writeU32(code, body.size());
    code.writeBytes(body.toByteArray());
    ByteArrayOutputStream m = new ByteArrayOutputStream();
    m.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
    m.writeBytes(new byte[] {1, 4, 1, 0x60, 0, 0}); // type section: () -> ()
    m.writeBytes(new byte[] {3, 2, 1, 0}); // function section: one function of type 0
    m.write(10); // code section
    writeU32(m, code.size());
    m.writeBytes(code.toByteArray());
    return m.toByteArray();
  }

  private static void writeU32(ByteArrayOutputStream out, int value) {
    int v = value;
    while ((v & ~0x7F) != 0) {
      out.write((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    out.write(v);
  }

  private static String print(int depth) {
    return TextPrinter.print(ModuleDecoder.decode(nestedBlocks(depth)));
  }

  @Test
  void printsAHundredThousandNestedBlocksInLinearSpace() {
    int depth = 100_000;
    String text = print(depth);
    long lines = text.lines().count();
    assertEquals(print(0).lines().count() + 2L * depth, lines, "two lines per block");
    int widest = text.lines().mapToInt(String::length).max().orElseThrow();
    assertTrue(widest <= 4 + 2 * CodePrinter.MAX_INDENT_DEPTH + "block".length(), "" + widest);
    // Twice the nesting, twice the text (give or take the shallow lines' shorter indentation): a
    // quadratic printer would write four times as much.
    long doubled = print(2 * depth).length();
    assertTrue(Math.abs(doubled - 2L * text.length()) <= 10_000, doubled + " vs " + text.length());
    assertTrue(text.length() < 80L * lines, "about 70 characters a line: " + text.length());
  }

  @Test
  void indentsEachLevelUpToTheCapAndReadsBack() {
    int depth = CodePrinter.MAX_INDENT_DEPTH + 5;
    String text = print(depth);
    List<String> blocks = text.lines().filter(l -> l.endsWith("block")).toList();
    assertEquals("    block", blocks.get(0));
    assertEquals(" ".repeat(4 + 2 * (CodePrinter.MAX_INDENT_DEPTH - 1)) + "block", blocks.get(31));
    assertEquals(blocks.get(32), blocks.get(depth - 1));
    WasmModule module = ModuleDecoder.decode(nestedBlocks(depth));
    assertEquals(module.functions(), TextParser.parseModule(text).functions());
  }
}
