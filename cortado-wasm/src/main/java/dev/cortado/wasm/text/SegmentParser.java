package dev.cortado.wasm.text;

import dev.cortado.wasm.AddressType;
import dev.cortado.wasm.Bytes;
import dev.cortado.wasm.DataSegment;
import dev.cortado.wasm.ElementSegment;
import dev.cortado.wasm.Expression;
import dev.cortado.wasm.Instruction;
import dev.cortado.wasm.Opcode;
import dev.cortado.wasm.RefType;
import dev.cortado.wasm.binary.InstructionWriter;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses element and data segments, including the segments written inline in {@code table} and
 * {@code memory} fields and every abbreviation of their offsets and element lists.
 *
 * @see <a href="https://webassembly.github.io/spec/core/text/modules.html#element-segments">Element
 *     segments</a>
 * @see <a href="https://webassembly.github.io/spec/core/text/modules.html#data-segments">Data
 *     segments</a>
 */
final class SegmentParser {
  private SegmentParser() {}

  /** Parses an {@code elem} field after its keyword. */
  static ElementSegment elem(ModuleContext ctx, Cursor c) {
    c.optionalId();
    if (c.peekKeyword("declare")) {
      c.next();
      return elemList(ctx, c, false, new ElementSegment.Mode.Declarative());
    }
    // The MVP form, (elem 0 (offset ...) $f $g): a bare table index, then bare function indices.
    boolean mvp = c.peekToken(Token.Kind.NAT);
    Optional<Integer> table = target(c, "table", ctx.tables);
    Optional<Expression> offset = offset(ctx, c, table.isPresent());
    if (offset.isEmpty()) {
      return elemList(ctx, c, false, new ElementSegment.Mode.Passive());
    }
    return elemList(
        ctx,
        c,
        table.isEmpty() || mvp,
        new ElementSegment.Mode.Active(table.orElse(0), offset.get()));
  }

  /**
   * Reads an element list ({@code func x*} or a reference type with element expressions) and the
   * end of the field. {@code bareIndices} allows the MVP form: function indices alone.
   */
  private static ElementSegment elemList(
      ModuleContext ctx, Cursor c, boolean bareIndices, ElementSegment.Mode mode) {
    RefType type;
    List<Expression> items;
    if (c.peekKeyword("func")) {
      c.next();
      type = RefType.FUNC;
      items = funcRefs(ctx, c);
    } else if (Types.peekRefType(c)) {
      type = Types.refType(c, ctx.types);
      items = itemExpressions(ctx, c);
    } else if (bareIndices && (c.atEnd() || c.peekIndex())) {
      type = RefType.FUNC;
      items = funcRefs(ctx, c);
    } else {
      throw c.unexpected("func or a reference type");
    }
    c.expectEnd();
    return new ElementSegment(type, items, mode);
  }

  /**
   * Reads the elements of a table's inline {@code (elem ...)}: function indices or element
   * expressions.
   */
  static List<Expression> inlineElements(ModuleContext ctx, Cursor c) {
    List<Expression> items = c.peekParens() ? itemExpressions(ctx, c) : funcRefs(ctx, c);
    c.expectEnd();
    return items;
  }

  private static List<Expression> funcRefs(ModuleContext ctx, Cursor c) {
    List<Expression> items = new ArrayList<>();
    while (c.peekIndex()) {
      int f = ctx.funcs.resolve(Cursor.token(c.next()));
      items.add(
          InstructionWriter.create().write(new Instruction.Indexed(Opcode.REF_FUNC, f)).end());
    }
    return items;
  }

  /** Reads {@code (item instr*)} or single folded instructions until the end of the list. */
  private static List<Expression> itemExpressions(ModuleContext ctx, Cursor c) {
    List<Expression> items = new ArrayList<>();
    while (c.peekParens()) {
      if (c.peekParens("item")) {
        items.add(InstructionParser.expression(ctx, new IdSpace("local"), c.expectParens("item")));
      } else {
        items.add(InstructionParser.folded(ctx, (SExpr.Parens) c.next()));
      }
    }
    return items;
  }

  /**
   * Reads the table or memory an active segment writes: {@code (table x)}, {@code (memory x)} or,
   * in the MVP form {@code (elem 0 (offset ...) ...)}, a bare index.
   */
  private static Optional<Integer> target(Cursor c, String kind, IdSpace space) {
    if (c.peekParens(kind)) {
      Cursor t = c.expectParens(kind);
      int index = space.resolve(t.expectIndex("a " + kind));
      t.expectEnd();
      return Optional.of(index);
    }
    return c.peekToken(Token.Kind.NAT)
        ? Optional.of(space.resolve(Cursor.token(c.next())))
        : Optional.empty();
  }

  /**
   * Reads {@code (offset instr*)} or a single folded instruction, if one comes next; {@code
   * required} when a target was given, which makes the segment active.
   */
  private static Optional<Expression> offset(ModuleContext ctx, Cursor c, boolean required) {
    if (c.peekParens("offset")) {
      return Optional.of(
          InstructionParser.expression(ctx, new IdSpace("local"), c.expectParens("offset")));
    }
    if (c.peekParens() && !c.peekParens("item") && !c.peekParens("ref")) {
      return Optional.of(InstructionParser.folded(ctx, (SExpr.Parens) c.next()));
    }
    if (required) {
      throw c.unexpected("an offset: (offset ...) or a folded instruction");
    }
    return Optional.empty();
  }

  /** Parses a {@code data} field after its keyword. */
  static DataSegment data(ModuleContext ctx, Cursor c) {
    c.optionalId();
    Optional<Integer> memory = target(c, "memory", ctx.memories);
    Optional<Expression> offset = offset(ctx, c, memory.isPresent());
    Bytes bytes = strings(c);
    c.expectEnd();
    DataSegment.Mode mode =
        offset.isPresent()
            ? new DataSegment.Mode.Active(memory.orElse(0), offset.get())
            : new DataSegment.Mode.Passive();
    return new DataSegment(bytes, mode);
  }

  /** Reads strings up to the end of the list and returns their bytes, concatenated. */
  static Bytes strings(Cursor c) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (!c.atEnd()) {
      out.writeBytes(c.expect(Token.Kind.STRING, "a string").bytes().toArray());
    }
    return Bytes.of(out.toByteArray());
  }

  /** Returns the expression {@code i32.const 0}, the offset of inline segments. */
  static Expression zeroOffset(AddressType at) {
    Instruction zero =
        at == AddressType.I32 ? new Instruction.I32Const(0) : new Instruction.I64Const(0);
    return InstructionWriter.create().write(zero).end();
  }
}
