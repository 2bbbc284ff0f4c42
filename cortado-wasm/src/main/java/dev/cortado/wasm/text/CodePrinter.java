package dev.cortado.wasm.text;

import dev.cortado.wasm.BlockType;
import dev.cortado.wasm.Expression;
import dev.cortado.wasm.Instruction;
import dev.cortado.wasm.MemArg;
import dev.cortado.wasm.Opcode;
import dev.cortado.wasm.ValType;
import dev.cortado.wasm.binary.InstructionReader;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes code as text: function bodies as plain instructions, one per line and indented by block
 * depth; constant expressions on one line, each instruction folded.
 *
 * @see <a href="https://webassembly.github.io/spec/core/text/instructions.html">Instructions</a>
 */
final class CodePrinter {
  private final PrintNames names;

  CodePrinter(PrintNames names) {
    this.names = names;
  }

  /**
   * The block depth from which indentation stops growing. Valid code may nest blocks a hundred
   * thousand deep; indenting each level would make the text quadratic in the size of the code
   * (gigabytes for a module of a few hundred kilobytes), so deeper lines keep this indentation.
   */
  static final int MAX_INDENT_DEPTH = 32;

  private static final String INDENTATION = "  ".repeat(MAX_INDENT_DEPTH);

  /**
   * Appends the body of function {@code function}, each line starting with {@code indent} and then
   * two spaces per enclosing block, up to {@link #MAX_INDENT_DEPTH} blocks. The output is linear in
   * the size of the code, and nesting costs no Java stack.
   */
  void body(StringBuilder out, Expression body, int function, String indent) {
    List<Instruction> code = InstructionReader.decodeAll(body);
    int depth = 0;
    // The last instruction is the end of the function itself, which the text leaves implicit.
    for (Instruction i : code.subList(0, Math.max(0, code.size() - 1))) {
      Opcode op = i.opcode();
      if (op == Opcode.END
          || op == Opcode.ELSE
          || op == Opcode.CATCH
          || op == Opcode.CATCH_ALL
          || op == Opcode.DELEGATE) {
        depth = Math.max(0, depth - 1);
      }
      out.append(indent)
          .append(INDENTATION, 0, 2 * Math.min(depth, MAX_INDENT_DEPTH))
          .append(text(i, function))
          .append('\n');
      if (op == Opcode.BLOCK
          || op == Opcode.LOOP
          || op == Opcode.IF
          || op == Opcode.ELSE
          || op == Opcode.TRY_TABLE
          || op == Opcode.TRY
          || op == Opcode.CATCH
          || op == Opcode.CATCH_ALL) {
        depth++;
      }
    }
  }

  /** Returns a constant expression on one line, with every instruction that can be folded. */
  String inline(Expression expression) {
    List<Instruction> code = InstructionReader.decodeAll(expression);
    return code.subList(0, Math.max(0, code.size() - 1)).stream()
        .map(
            i ->
                switch (i.opcode()) {
                  case BLOCK, LOOP, IF, ELSE, END, TRY_TABLE, TRY, CATCH, CATCH_ALL, DELEGATE ->
                      text(i, -1);
                  default -> "(" + text(i, -1) + ")";
                })
        .collect(Collectors.joining(" "));
  }

  /** Returns one instruction with its immediates; locals are named as in {@code function}. */
  String text(Instruction instruction, int function) {
    Opcode op = instruction.opcode();
    String name = op.text();
    return switch (instruction) {
      case Instruction.Plain p -> name;
      case Instruction.Block b -> name + blockType(b.type());
      case Instruction.Indexed x ->
          switch (op.immediate()) {
            case FUNC -> name + " " + names.function(x.index());
            case LOCAL -> name + " " + names.local(function, x.index());
            case MEMORY -> name + memoryIndex(x.index());
            default -> name + " " + index(x.index());
          };
      case Instruction.IndexPair p ->
          switch (op.immediate()) {
            case CALL_INDIRECT ->
                name
                    + (p.second() == 0 ? "" : " " + index(p.second()))
                    + " (type "
                    + index(p.first())
                    + ")";
            case MEMORY_INIT -> name + memoryIndex(p.second()) + " " + index(p.first());
            case MEMORY_COPY ->
                p.first() == 0 && p.second() == 0
                    ? name
                    : name + " " + index(p.first()) + " " + index(p.second());
            case TABLE_INIT -> name + " " + index(p.second()) + " " + index(p.first());
            default -> name + " " + index(p.first()) + " " + index(p.second());
          };
      case Instruction.BrTable t ->
          name
              + t.labels().stream().map(l -> " " + index(l)).collect(Collectors.joining())
              + " "
              + index(t.defaultLabel());
      case Instruction.Memory m -> name + memArg(op, m.memArg());
      case Instruction.MemoryLane m -> name + memArg(op, m.memArg()) + " " + m.lane();
      case Instruction.I32Const c -> name + " " + c.value();
      case Instruction.I64Const c -> name + " " + c.value();
      case Instruction.F32Const c -> name + " " + LiteralText.f32(c.bits());
      case Instruction.F64Const c -> name + " " + LiteralText.f64(c.bits());
      case Instruction.V128Const c -> name + " " + LiteralText.v128(c.value());
      case Instruction.Lane l -> name + " " + l.lane();
      case Instruction.Shuffle s -> {
        StringBuilder b = new StringBuilder(name);
        for (int i = 0; i < 16; i++) {
          b.append(' ').append(s.lanes().byteAt(i));
        }
        yield b.toString();
      }
      case Instruction.RefNull r -> name + " " + r.type().text();
      case Instruction.Cast c -> name + " " + c.type().text();
      case Instruction.BrOnCast b ->
          name + " " + index(b.label()) + " " + b.from().text() + " " + b.to().text();
      case Instruction.SelectTyped s -> name + " " + results(s.types());
      case Instruction.TryTable t ->
          name
              + blockType(t.type())
              + t.catches().stream().map(CodePrinter::catchClause).collect(Collectors.joining());
    };
  }

  private static String blockType(BlockType type) {
    return switch (type) {
      case BlockType.Empty e -> "";
      case BlockType.Value v -> " (result " + v.type().text() + ")";
      case BlockType.Indexed x -> " (type " + index(x.typeIndex()) + ")";
    };
  }

  /** Returns a memory index to print, or nothing for memory 0 (the default). */
  private static String memoryIndex(int memory) {
    return memory == 0 ? "" : " " + index(memory);
  }

  private static String catchClause(Instruction.Catch c) {
    return " ("
        + c.kind().text()
        + (c.kind().hasTag() ? " " + index(c.tag()) : "")
        + " "
        + index(c.label())
        + ")";
  }

  private static String memArg(Opcode op, MemArg m) {
    String offset =
        memoryIndex(m.memoryIndex())
            + (m.offset() == 0 ? "" : " offset=" + Long.toUnsignedString(m.offset()));
    long natural = op.accessBytes();
    return offset + (m.alignBytes() == natural ? "" : " align=" + m.alignBytes());
  }

  /** Returns {@code (result t*)}. */
  static String results(List<ValType> types) {
    return "(result" + types.stream().map(t -> " " + t.text()).collect(Collectors.joining()) + ")";
  }

  /** Returns an index, which is a {@code u32} held in an int. */
  static String index(int index) {
    return Integer.toUnsignedString(index);
  }
}
