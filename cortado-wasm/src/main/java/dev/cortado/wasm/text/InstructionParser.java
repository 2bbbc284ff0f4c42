package dev.cortado.wasm.text;

import dev.cortado.wasm.BlockType;
import dev.cortado.wasm.Expression;
import dev.cortado.wasm.Immediate;
import dev.cortado.wasm.Instruction;
import dev.cortado.wasm.MalformedException;
import dev.cortado.wasm.MemArg;
import dev.cortado.wasm.Opcode;
import dev.cortado.wasm.RefType;
import dev.cortado.wasm.WasmVersion;
import dev.cortado.wasm.binary.InstructionWriter;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Parses instructions, plain and folded, and encodes them with an {@link InstructionWriter}.
 *
 * <p>Labels are resolved as blocks open and close. Type uses (block types with parameters or
 * several results, {@code call_indirect}) are resolved when their instruction is emitted, which for
 * a folded instruction is after its operands: that is the order in which inline types are added to
 * the module.
 *
 * @see <a href="https://webassembly.github.io/spec/core/text/instructions.html">Instructions</a>
 */
final class InstructionParser {
  private final ModuleContext module;
  private final IdSpace locals;
  private final InstructionWriter out = InstructionWriter.create();

  /** The labels of the enclosing blocks, innermost first; empty for a block without a label. */
  private final Deque<Optional<String>> labels = new ArrayDeque<>();

  private InstructionParser(ModuleContext module, IdSpace locals) {
    this.module = module;
    this.locals = locals;
  }

  /** Parses the instructions up to the end of {@code c} as an expression. */
  static Expression expression(ModuleContext module, IdSpace locals, Cursor c) {
    InstructionParser p = new InstructionParser(module, locals);
    return p.guarded(
        c.line(),
        c.column(),
        () -> {
          p.instructions(c);
          c.expectEnd();
        });
  }

  /** Parses one folded instruction as a whole expression (the offset and item abbreviations). */
  static Expression folded(ModuleContext module, SExpr.Parens instruction) {
    InstructionParser p = new InstructionParser(module, new IdSpace("local"));
    return p.guarded(instruction.line(), instruction.column(), () -> p.folded(instruction));
  }

  /**
   * Runs {@code parse} and returns the expression written. Folded instructions are parsed by
   * recursion, so nesting deep enough to overflow the thread's stack is reported as malformed at
   * {@code line}:{@code column}; nothing of the parse is kept, so giving up is safe.
   */
  private Expression guarded(int line, int column, Runnable parse) {
    try {
      parse.run();
    } catch (StackOverflowError e) {
      throw MalformedException.text(
          "folded instructions nested too deeply for this thread's stack", line, column);
    }
    return out.end();
  }

  /** A plain block opened in the current instruction sequence and not yet ended. */
  private record OpenBlock(
      Optional<Token> label, boolean isIf, boolean inElse, boolean isTry, boolean caughtAll) {
    OpenBlock(Optional<Token> label, boolean isIf, boolean inElse) {
      this(label, isIf, inElse, false, false);
    }
  }

  /**
   * Parses instructions until the end of {@code c}, or an {@code end} or {@code else} that closes
   * an enclosing construct. Plain blocks are tracked on a stack rather than by recursion, so their
   * nesting depth is not limited by the Java stack (compilers nest thousands of blocks for a large
   * {@code br_table}).
   */
  private void instructions(Cursor c) {
    Deque<OpenBlock> open = new ArrayDeque<>();
    while (!c.atEnd()) {
      if (c.peekKeyword("end") || c.peekKeyword("else") || peekCatchOrDelegate(c)) {
        if (open.isEmpty()) {
          return;
        }
        Token keyword = Cursor.token(c.next());
        OpenBlock block = open.pop();
        if (keyword.text().equals("end")) {
          closeBlock(c, block.label());
          continue;
        }
        if (!keyword.text().equals("else")) {
          legacyClause(keyword, c, block).ifPresent(open::push);
          continue;
        }
        if (!block.isIf() || block.inElse()) {
          throw keyword.error("unexpected token else, expected an instruction or end");
        }
        endLabel(c, block.label());
        elseBranch(c);
        open.push(new OpenBlock(block.label(), true, true));
        continue;
      }
      if (c.peekParens()) {
        folded((SExpr.Parens) c.next());
        continue;
      }
      if (!c.peekToken(Token.Kind.KEYWORD)) {
        throw c.unexpected("an instruction");
      }
      Token keyword = Cursor.token(c.next());
      switch (keyword.text()) {
        case "block", "loop", "if" ->
            open.push(new OpenBlock(openBlock(keyword, c), keyword.text().equals("if"), false));
        case "try_table" -> open.push(new OpenBlock(openTryTable(c), false, false));
        case "try" -> open.push(new OpenBlock(openBlock(keyword, c), false, false, true, false));
        default -> emit(immediates(opcode(keyword), c));
      }
    }
    if (!open.isEmpty()) {
      throw c.unexpected("end");
    }
  }

  private void folded(SExpr.Parens list) {
    Cursor c = list.cursor();
    if (!c.peekToken(Token.Kind.KEYWORD)) {
      throw c.unexpected("an instruction");
    }
    Token keyword = Cursor.token(c.next());
    switch (keyword.text()) {
      case "block", "loop" -> {
        openBlock(keyword, c);
        instructions(c);
        c.expectEnd();
        labels.pop();
        out.write(Opcode.END);
      }
      case "if" -> foldedIf(c);
      case "try" -> foldedTry(c);
      case "try_table" -> {
        openTryTable(c);
        instructions(c);
        c.expectEnd();
        labels.pop();
        out.write(Opcode.END);
      }
      default -> {
        Supplier<Instruction> instruction = immediates(opcode(keyword), c);
        while (!c.atEnd()) {
          if (!c.peekParens()) {
            throw c.unexpected("a folded instruction or )");
          }
          folded((SExpr.Parens) c.next());
        }
        emit(instruction);
      }
    }
  }

  private static boolean peekCatchOrDelegate(Cursor c) {
    return c.peekKeyword("catch") || c.peekKeyword("catch_all") || c.peekKeyword("delegate");
  }

  /**
   * A legacy {@code catch x}, {@code catch_all} or {@code delegate l} among plain instructions:
   * returns the try block, still open, or empty once {@code delegate} has ended it.
   */
  private Optional<OpenBlock> legacyClause(Token keyword, Cursor c, OpenBlock block) {
    boolean delegate = keyword.text().equals("delegate");
    if (!block.isTry() || block.caughtAll() || (delegate && block.inElse())) {
      throw keyword.error(
          "unexpected token " + keyword.text() + ", expected an instruction or end");
    }
    switch (keyword.text()) {
      case "catch" ->
          out.write(new Instruction.Indexed(Opcode.CATCH, index(c, module.tags, "a tag")));
      case "catch_all" -> out.write(Opcode.CATCH_ALL);
      default -> {
        labels.pop();
        out.write(new Instruction.Indexed(Opcode.DELEGATE, label(c)));
        return Optional.empty();
      }
    }
    return Optional.of(
        new OpenBlock(block.label(), false, true, true, keyword.text().equals("catch_all")));
  }

  /** {@code (try $l? bt (do instr*) (catch x instr*)* (catch_all instr*)?)} or with delegate. */
  private void foldedTry(Cursor c) {
    Optional<Token> label = c.optionalId();
    TypeUse type = TypeUse.parse(c, module.types, false);
    out.write(new Instruction.Block(Opcode.TRY, blockType(type)));
    labels.push(label.map(Token::idName));
    Cursor body = c.expectParens("do");
    instructions(body);
    body.expectEnd();
    if (c.peekParens("delegate")) {
      Cursor d = c.expectParens("delegate");
      labels.pop();
      out.write(new Instruction.Indexed(Opcode.DELEGATE, label(d)));
      d.expectEnd();
      c.expectEnd();
      return;
    }
    while (c.peekParens("catch")) {
      Cursor k = c.expectParens("catch");
      out.write(new Instruction.Indexed(Opcode.CATCH, index(k, module.tags, "a tag")));
      instructions(k);
      k.expectEnd();
    }
    if (c.peekParens("catch_all")) {
      Cursor k = c.expectParens("catch_all");
      out.write(Opcode.CATCH_ALL);
      instructions(k);
      k.expectEnd();
    }
    c.expectEnd();
    labels.pop();
    out.write(Opcode.END);
  }

  private void foldedIf(Cursor c) {
    Optional<Token> label = c.optionalId();
    TypeUse type = TypeUse.parse(c, module.types, false);
    while (c.peekParens() && !c.peekParens("then")) {
      folded((SExpr.Parens) c.next());
    }
    out.write(new Instruction.Block(Opcode.IF, blockType(type)));
    labels.push(label.map(Token::idName));
    Cursor then = c.expectParens("then");
    instructions(then);
    then.expectEnd();
    if (c.peekParens("else")) {
      Cursor otherwise = c.expectParens("else");
      elseBranch(otherwise);
      instructions(otherwise);
      otherwise.expectEnd();
    }
    c.expectEnd();
    labels.pop();
    out.write(Opcode.END);
  }

  /**
   * Starts an else branch: writes {@code else} unless the branch is empty. {@code if ... else end}
   * and {@code if ... end} are the same instruction, and like the reference interpreter and wabt we
   * write the shorter form.
   */
  private void elseBranch(Cursor c) {
    if (!c.atEnd() && !c.peekKeyword("end")) {
      out.write(Opcode.ELSE);
    }
  }

  /** Reads a block's label and type, emits the block instruction and enters the block. */
  private Optional<Token> openBlock(Token keyword, Cursor c) {
    Optional<Token> label = c.optionalId();
    TypeUse type = TypeUse.parse(c, module.types, false);
    out.write(new Instruction.Block(opcode(keyword), blockType(type)));
    labels.push(label.map(Token::idName));
    return label;
  }

  private static final List<Instruction.CatchKind> CATCH_KINDS =
      List.of(Instruction.CatchKind.values());

  /**
   * Reads {@code try_table}'s label, type and catch clauses, emits it and enters the block. The
   * clauses' labels are those around the {@code try_table}, not including its own.
   */
  private Optional<Token> openTryTable(Cursor c) {
    Optional<Token> label = c.optionalId();
    TypeUse type = TypeUse.parse(c, module.types, false);
    List<Instruction.Catch> catches = new ArrayList<>();
    boolean more = true;
    while (more) {
      more = false;
      for (Instruction.CatchKind kind : CATCH_KINDS) {
        if (c.peekParens(kind.text())) {
          Cursor clause = c.expectParens(kind.text());
          int tag = kind.hasTag() ? index(clause, module.tags, "a tag") : 0;
          catches.add(new Instruction.Catch(kind, tag, label(clause)));
          clause.expectEnd();
          more = true;
        }
      }
    }
    out.write(new Instruction.TryTable(blockType(type), catches));
    labels.push(label.map(Token::idName));
    return label;
  }

  private void closeBlock(Cursor c, Optional<Token> label) {
    endLabel(c, label);
    labels.pop();
    out.write(Opcode.END);
  }

  /** Checks the optional identifier after {@code end} or {@code else} repeats the block's label. */
  private static void endLabel(Cursor c, Optional<Token> label) {
    Optional<Token> id = c.optionalId();
    if (id.isPresent() && (label.isEmpty() || !label.get().idName().equals(id.get().idName()))) {
      throw id.get()
          .error(
              "mismatching label "
                  + id.get().text()
                  + label
                      .map(l -> " (the block is labelled " + l.text() + ")")
                      .orElse(" (the block has no label)"));
    }
  }

  private BlockType blockType(TypeUse type) {
    if (type.typeRef().isEmpty() && type.params().isEmpty() && type.results().size() <= 1) {
      return type.results().isEmpty() ? BlockType.EMPTY : BlockType.of(type.results().get(0));
    }
    return BlockType.ofType(type.resolve(module.types));
  }

  private static Opcode opcode(Token keyword) {
    Opcode op =
        Opcode.ofText(keyword.text())
            .orElseThrow(
                () ->
                    keyword.error(
                        Keywords.isKnown(keyword.text())
                            ? "unexpected token " + keyword.text() + ", expected an instruction"
                            : "unknown operator " + keyword.describe()));
    if (op == Opcode.END
        || op == Opcode.ELSE
        || op == Opcode.CATCH
        || op == Opcode.CATCH_ALL
        || op == Opcode.DELEGATE) {
      throw keyword.error("unexpected token " + keyword.text() + " outside a block");
    }
    return op;
  }

  private void emit(Supplier<Instruction> instruction) {
    out.write(instruction.get());
  }

  /** Reads the immediates of {@code op}; the instruction is built when it is emitted. */
  private Supplier<Instruction> immediates(Opcode op, Cursor c) {
    if (op.immediate() == Immediate.CALL_INDIRECT) {
      int table = optionalIndex(c, module.tables);
      TypeUse type = TypeUse.parse(c, module.types, false);
      return () -> new Instruction.IndexPair(op, type.resolve(module.types), table);
    }
    Instruction instruction =
        switch (op.immediate()) {
          case NONE ->
              op == Opcode.SELECT && c.peekParens("result")
                  ? new Instruction.SelectTyped(TypeUse.results(c, module.types))
                  : new Instruction.Plain(op);
          case LABEL -> new Instruction.Indexed(op, label(c));
          case BR_TABLE -> brTable(c);
          case FUNC -> new Instruction.Indexed(op, index(c, module.funcs, "a function"));
          case TYPE -> new Instruction.Indexed(op, module.types.resolve(c.expectIndex("a type")));
          case LOCAL -> new Instruction.Indexed(op, index(c, locals, "a local"));
          case GLOBAL -> new Instruction.Indexed(op, index(c, module.globals, "a global"));
          case TABLE -> new Instruction.Indexed(op, optionalIndex(c, module.tables));
          case MEMORY -> new Instruction.Indexed(op, optionalIndex(c, module.memories));
          case DATA -> new Instruction.Indexed(op, dataIndex(c));
          case ELEM -> new Instruction.Indexed(op, index(c, module.elems, "an element segment"));
          case MEMORY_INIT -> memoryInit(c);
          case MEMORY_COPY -> memoryCopy(c);
          case TABLE_INIT -> tableInit(c);
          case TABLE_COPY -> tableCopy(c);
          case MEMARG -> new Instruction.Memory(op, memArg(c, op, memoryOfAccess(c, false)));
          case MEMARG_LANE ->
              new Instruction.MemoryLane(op, memArg(c, op, memoryOfAccess(c, true)), lane(c));
          case I32 -> new Instruction.I32Const(IntLiterals.i32(c.expectNumber()));
          case I64 -> new Instruction.I64Const(IntLiterals.i64(c.expectNumber()));
          case F32 -> new Instruction.F32Const(FloatLiterals.f32(c.expectNumber()));
          case F64 -> new Instruction.F64Const(FloatLiterals.f64(c.expectNumber()));
          case V128 -> new Instruction.V128Const(SimdLiterals.v128(c));
          case LANE -> new Instruction.Lane(op, lane(c));
          case SHUFFLE -> new Instruction.Shuffle(SimdLiterals.shuffle(c));
          case HEAP_TYPE -> new Instruction.RefNull(Types.heapType(c, module.types));
          case TAG -> new Instruction.Indexed(op, index(c, module.tags, "a tag"));
          case FIELD -> {
            int type = typeIndex(c);
            yield new Instruction.IndexPair(
                op, type, module.types.resolveField(type, c.expectIndex("a field")));
          }
          case TYPE_COUNT ->
              new Instruction.IndexPair(
                  op, typeIndex(c), IntLiterals.u32(c.expectNumber(), "element count"));
          case TYPE_DATA -> new Instruction.IndexPair(op, typeIndex(c), dataIndex(c));
          case TYPE_ELEM ->
              new Instruction.IndexPair(
                  op, typeIndex(c), index(c, module.elems, "an element segment"));
          case TYPE_PAIR -> new Instruction.IndexPair(op, typeIndex(c), typeIndex(c));
          case CAST -> {
            RefType t = Types.refType(c, module.types);
            yield new Instruction.Cast(Opcode.cast(op == Opcode.REF_CAST, t.nullable()), t);
          }
          case BR_ON_CAST -> {
            int l = label(c);
            RefType from = Types.refType(c, module.types);
            yield new Instruction.BrOnCast(op, l, from, Types.refType(c, module.types));
          }
          case BLOCK_TYPE, CALL_INDIRECT, SELECT_TYPES, TRY_TABLE ->
              throw new AssertionError(op + " is parsed apart from the plain instructions");
        };
    return () -> instruction;
  }

  private int typeIndex(Cursor c) {
    return module.types.resolve(c.expectIndex("a type"));
  }

  private static int index(Cursor c, IdSpace space, String what) {
    return space.resolve(c.expectIndex(what));
  }

  private static int optionalIndex(Cursor c, IdSpace space) {
    return c.peekIndex() ? space.resolve(Cursor.token(c.next())) : 0;
  }

  private int dataIndex(Cursor c) {
    module.codeUsesDataIndex = true;
    return index(c, module.datas, "a data segment");
  }

  private int label(Cursor c) {
    Token t = c.expectIndex("a label");
    if (t.kind() == Token.Kind.NAT) {
      return IntLiterals.u32(t, "label index");
    }
    int depth = 0;
    for (Optional<String> l : labels) {
      if (l.isPresent() && l.get().equals(t.idName())) {
        return depth;
      }
      depth++;
    }
    throw t.error("unknown label " + t.text());
  }

  private Instruction brTable(Cursor c) {
    List<Integer> targets = new ArrayList<>();
    targets.add(label(c));
    while (c.peekIndex()) {
      targets.add(label(c));
    }
    int defaultLabel = targets.remove(targets.size() - 1);
    return new Instruction.BrTable(targets, defaultLabel);
  }

  private Instruction tableInit(Cursor c) {
    Token first = c.expectIndex("an element segment");
    if (c.peekIndex()) {
      int elem = module.elems.resolve(Cursor.token(c.next()));
      return new Instruction.IndexPair(Opcode.TABLE_INIT, elem, module.tables.resolve(first));
    }
    return new Instruction.IndexPair(Opcode.TABLE_INIT, module.elems.resolve(first), 0);
  }

  private Instruction memoryInit(Cursor c) {
    Token first = c.expectIndex("a data segment");
    module.codeUsesDataIndex = true;
    if (c.peekIndex()) {
      int data = module.datas.resolve(Cursor.token(c.next()));
      return new Instruction.IndexPair(Opcode.MEMORY_INIT, data, module.memories.resolve(first));
    }
    return new Instruction.IndexPair(Opcode.MEMORY_INIT, module.datas.resolve(first), 0);
  }

  private Instruction memoryCopy(Cursor c) {
    if (!c.peekIndex()) {
      return new Instruction.IndexPair(Opcode.MEMORY_COPY, 0, 0);
    }
    int destination = module.memories.resolve(Cursor.token(c.next()));
    return new Instruction.IndexPair(
        Opcode.MEMORY_COPY, destination, index(c, module.memories, "a source memory"));
  }

  /**
   * Reads the optional memory index of a load or store. A lane access ends in a lane index, so
   * there a lone number is the lane, not a memory.
   */
  private int memoryOfAccess(Cursor c, boolean laneFollows) {
    if (!c.peekIndex()) {
      return 0;
    }
    if (laneFollows
        && c.peek() instanceof SExpr.Atom a
        && a.token().kind() == Token.Kind.NAT
        && !c.peekSecond().map(InstructionParser::startsMemArgOrLane).orElse(false)) {
      return 0;
    }
    return module.memories.resolve(Cursor.token(c.next()));
  }

  private static boolean startsMemArgOrLane(SExpr next) {
    return next instanceof SExpr.Atom a
        && (a.token().kind() == Token.Kind.NAT
            || a.token().text().startsWith("offset=")
            || a.token().text().startsWith("align="));
  }

  private Instruction tableCopy(Cursor c) {
    if (!c.peekIndex()) {
      return new Instruction.IndexPair(Opcode.TABLE_COPY, 0, 0);
    }
    int destination = module.tables.resolve(Cursor.token(c.next()));
    return new Instruction.IndexPair(
        Opcode.TABLE_COPY, destination, index(c, module.tables, "a source table"));
  }

  /**
   * Reads {@code offset=N? align=N?}; the alignment defaults to the access size. Offsets are u32 in
   * Wasm 2.0 and u64 in Wasm 3.0 (memory64; the validator bounds them by the memory's address
   * type).
   */
  private MemArg memArg(Cursor c, Opcode op, int memory) {
    long offset = 0;
    int alignExponent = Integer.numberOfTrailingZeros(op.accessBytes());
    if (c.peekKeywordPrefix("offset=")) {
      Token t = Cursor.token(c.next());
      BigInteger value = memArgValue(t, "offset=");
      offset =
          module.version == WasmVersion.WASM_2_0
              ? Integer.toUnsignedLong(IntLiterals.u32(value, t, "offset"))
              : IntLiterals.u64(value, t, "offset");
    }
    if (c.peekKeywordPrefix("align=")) {
      Token t = Cursor.token(c.next());
      BigInteger align = memArgValue(t, "align=");
      int maxBits = module.version == WasmVersion.WASM_2_0 ? 32 : 64;
      if (align.signum() == 0 || align.bitCount() != 1 || align.bitLength() > maxBits) {
        throw t.error("alignment must be a power of two, not " + t.text().substring(6));
      }
      alignExponent = align.getLowestSetBit();
    }
    return new MemArg(alignExponent, offset, memory);
  }

  private static BigInteger memArgValue(Token t, String prefix) {
    String value = t.text().substring(prefix.length());
    if (!NumberSyntax.isNat(value)) {
      throw t.error("unknown operator " + t.text() + ": " + prefix + " needs a natural number");
    }
    return IntLiterals.value(value);
  }

  private static int lane(Cursor c) {
    return SimdLiterals.laneIndex(c.expect(Token.Kind.NAT, "a lane index"));
  }
}
