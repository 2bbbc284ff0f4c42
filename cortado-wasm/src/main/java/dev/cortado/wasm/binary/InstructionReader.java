package dev.cortado.wasm.binary;

import dev.cortado.wasm.BlockType;
import dev.cortado.wasm.Expression;
import dev.cortado.wasm.HeapType;
import dev.cortado.wasm.Immediate;
import dev.cortado.wasm.Instruction;
import dev.cortado.wasm.MalformedException;
import dev.cortado.wasm.MemArg;
import dev.cortado.wasm.Opcode;
import dev.cortado.wasm.RefType;
import dev.cortado.wasm.V128;
import dev.cortado.wasm.ValType;
import dev.cortado.wasm.WasmVersion;
import dev.cortado.wasm.internal.ByteReader;
import dev.cortado.wasm.internal.ModelAccess;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Reads the instructions of an {@link Expression} one at a time, without allocating per
 * instruction.
 *
 * <p>{@link #next()} decodes an instruction and its immediates; the accessors then give the
 * immediates of that current instruction. Which accessors apply depends on the opcode's {@link
 * Immediate} shape. The reader checks the encoding of each instruction (known opcode, well-formed
 * immediates), not its type or nesting: that is the validator's and the decoder's business.
 *
 * <pre>{@code
 * InstructionReader r = InstructionReader.of(function.body());
 * while (r.hasNext()) {
 *   Opcode op = r.next();
 *   if (op.immediate() == Immediate.LOCAL) use(r.index());
 * }
 * }</pre>
 */
public final class InstructionReader {
  private static final Opcode[] SINGLE = new Opcode[256];
  private static final Opcode[] FB = new Opcode[32];
  private static final Opcode[] FC = new Opcode[256];
  private static final Opcode[] FD = new Opcode[512];
  private static final Opcode[] FE = new Opcode[128];
  private static final BlockType[] VALUE_BLOCK_TYPES = new BlockType[256];

  static {
    for (Opcode op : Opcode.values()) {
      switch (op.prefix()) {
        case 0 -> SINGLE[op.code()] = op;
        case Opcode.PREFIX_FB -> FB[op.code()] = op;
        case Opcode.PREFIX_FC -> FC[op.code()] = op;
        case Opcode.PREFIX_FD -> FD[op.code()] = op;
        case Opcode.PREFIX_FE -> FE[op.code()] = op;
        default -> throw new AssertionError(op);
      }
    }
    for (int b = 0; b < 256; b++) {
      ValType t = ByteReader.valTypeOf(b);
      if (t != null) {
        VALUE_BLOCK_TYPES[b] = BlockType.of(t);
      }
    }
  }

  private final ByteReader in;
  private final int start;
  private final boolean wasm2;

  private Opcode opcode;
  private int instrStart;
  private int index;
  private int index2;
  private long value;
  private long value2;
  private int alignExponent;
  private long memOffset;
  private BlockType blockType;
  private HeapType heapType;
  private HeapType heapType2;
  private int castFlags;
  private ValType[] selectTypes = new ValType[1];
  private int selectTypeCount;
  private int[] labels = new int[8];
  private int labelCount;
  private int[] catchKinds = new int[0];
  private int[] catchTags = new int[0];
  private int[] catchLabels = new int[0];
  private int catchCount;

  InstructionReader(ByteReader in, WasmVersion version) {
    this.in = in;
    this.start = in.position();
    this.wasm2 = version == WasmVersion.WASM_2_0;
  }

  /** Returns a reader over {@code expression}'s instructions. */
  public static InstructionReader of(Expression expression) {
    return of(expression, "code");
  }

  /**
   * Returns a reader over {@code expression}'s instructions that names {@code section} in its
   * errors.
   */
  public static InstructionReader of(Expression expression, String section) {
    return of(expression, section, WasmVersion.WASM_3_0);
  }

  /**
   * Returns a reader over {@code expression}'s instructions that names {@code section} in its
   * errors and decodes them as {@code version} encodes them: Wasm 2.0 has a zero byte where Wasm
   * 3.0 has a memory index, and 32-bit offsets.
   */
  public static InstructionReader of(Expression expression, String section, WasmVersion version) {
    var access = ModelAccess.bytes();
    byte[] array = access.array(expression.code());
    int offset = access.offset(expression.code());
    int length = expression.code().length();
    return new InstructionReader(
        new ByteReader(array, offset, offset + length, expression.sourceOffset() - offset, section),
        version);
  }

  /** Returns whether there are more instructions. */
  public boolean hasNext() {
    return !in.atEnd();
  }

  /**
   * Decodes the next instruction and returns its opcode.
   *
   * @throws MalformedException if the bytes are not a well-formed instruction
   */
  public Opcode next() {
    instrStart = in.position();
    int b = in.u8();
    Opcode op;
    if (b >= Opcode.PREFIX_FB && b <= Opcode.PREFIX_FE) {
      int code = in.u32();
      Opcode[] table =
          switch (b) {
            case Opcode.PREFIX_FB -> FB;
            case Opcode.PREFIX_FC -> FC;
            case Opcode.PREFIX_FD -> FD;
            default -> FE;
          };
      op = code >= 0 && code < table.length ? table[code] : null;
      if (op == null) {
        throw in.error(
            "illegal opcode 0x" + Integer.toHexString(b) + " " + Integer.toUnsignedString(code),
            instrStart);
      }
    } else {
      op = SINGLE[b];
      if (op == null) {
        throw in.error("illegal opcode 0x" + Integer.toHexString(b), instrStart);
      }
    }
    opcode = op;
    readImmediates(op.immediate());
    if (op == Opcode.ATOMIC_FENCE) {
      // A reserved byte, zero (an ordering a later proposal may add).
      int at = in.position();
      if (in.u8() != 0) {
        throw in.error("malformed atomic.fence: the byte after it must be 0", at);
      }
    }
    return op;
  }

  private void readImmediates(Immediate imm) {
    switch (imm) {
      case NONE -> {}
      case BLOCK_TYPE -> blockType = readBlockType();
      case LABEL, FUNC, LOCAL, GLOBAL, TABLE, DATA, ELEM, TYPE, TAG -> index = in.u32();
      case TRY_TABLE -> readTryTable();
      case MEMORY -> index = readMemoryIndex();
      case CALL_INDIRECT,
          TABLE_INIT,
          TABLE_COPY,
          FIELD,
          TYPE_COUNT,
          TYPE_DATA,
          TYPE_ELEM,
          TYPE_PAIR -> {
        index = in.u32();
        index2 = in.u32();
      }
      case MEMORY_INIT -> {
        index = in.u32();
        index2 = readMemoryIndex();
      }
      case MEMORY_COPY -> {
        index = readMemoryIndex();
        index2 = readMemoryIndex();
      }
      case BR_TABLE -> readBrTable();
      case MEMARG -> readMemArg();
      case MEMARG_LANE -> {
        readMemArg();
        index2 = in.u8();
      }
      case I32 -> value = in.s32();
      case I64 -> value = in.s64();
      case F32 -> value = in.fixed32();
      case F64 -> value = in.fixed64();
      case V128, SHUFFLE -> {
        value = in.fixed64();
        value2 = in.fixed64();
      }
      case LANE -> index = in.u8();
      case HEAP_TYPE, CAST -> heapType = in.heapType();
      case BR_ON_CAST -> {
        int at = in.position();
        castFlags = in.u8();
        if (castFlags > 3) {
          throw in.error("malformed br_on_cast flags 0x" + Integer.toHexString(castFlags), at);
        }
        index = in.u32();
        heapType = in.heapType();
        heapType2 = in.heapType();
      }
      case SELECT_TYPES -> {
        int n = in.count();
        if (selectTypes.length < n) {
          selectTypes = new ValType[n];
        }
        for (int i = 0; i < n; i++) {
          selectTypes[i] = in.valType();
        }
        selectTypeCount = n;
      }
    }
  }

  private void readTryTable() {
    blockType = readBlockType();
    int n = in.count();
    if (catchKinds.length < n) {
      int size = Math.max(n, catchKinds.length * 2);
      catchKinds = new int[size];
      catchTags = new int[size];
      catchLabels = new int[size];
    }
    for (int i = 0; i < n; i++) {
      int at = in.position();
      int kind = in.u8();
      if (kind > 3) {
        throw in.error("malformed catch clause 0x" + Integer.toHexString(kind), at);
      }
      catchKinds[i] = kind;
      catchTags[i] = kind <= 1 ? in.u32() : 0;
      catchLabels[i] = in.u32();
    }
    catchCount = n;
  }

  private int zeroByte() {
    int at = in.position();
    if (in.u8() != 0) {
      throw in.error("zero byte expected", at);
    }
    return 0;
  }

  private BlockType readBlockType() {
    int at = in.position();
    int b = in.peekU8();
    if (b == 0x40) {
      in.u8();
      return BlockType.EMPTY;
    }
    BlockType simple = VALUE_BLOCK_TYPES[b];
    if (simple != null) {
      in.u8();
      return simple;
    }
    if (b == ByteReader.REF || b == ByteReader.REF_NULL) {
      return BlockType.of(in.valType());
    }
    long v = in.s33();
    if (v < 0) {
      throw in.error("malformed block type", at);
    }
    if (v > Integer.MAX_VALUE) {
      throw in.error("integer too large", at);
    }
    return BlockType.ofType((int) v);
  }

  private void readBrTable() {
    int n = in.count();
    if (labels.length < n + 1) {
      labels = new int[Math.max(n + 1, labels.length * 2)];
    }
    for (int i = 0; i < n; i++) {
      labels[i] = in.u32();
    }
    labelCount = n;
    index = in.u32();
  }

  /** A memory index: a zero byte in Wasm 2.0, any index in Wasm 3.0 (multi-memory). */
  private int readMemoryIndex() {
    return wasm2 ? zeroByte() : in.u32();
  }

  private void readMemArg() {
    int at = in.position();
    int flags = in.u32();
    if (wasm2) {
      // An alignment of 2^32 or more cannot be right; Wasm 2.0 has no memory-index flag.
      if (flags < 0 || flags >= 32) {
        throw in.error("malformed memop flags", at);
      }
      alignExponent = flags;
      index = 0;
      memOffset = in.u32() & 0xFFFFFFFFL;
      return;
    }
    // Wasm 3.0: bits 0-5 are the alignment exponent, bit 6 flags an explicit memory index.
    if (flags < 0 || flags >= 128) {
      throw in.error("malformed memop flags", at);
    }
    alignExponent = flags & MemArg.ALIGN_MASK;
    index = (flags & MemArg.MEMORY_INDEX_FLAG) != 0 ? in.u32() : 0;
    memOffset = in.u64();
  }

  /**
   * Moves to {@code offset} from the start of the expression, which must be where an instruction
   * starts (an offset {@link #offset()} returned): the next {@link #next()} decodes it.
   */
  public void seek(int offset) {
    in.position(start + offset);
  }

  /** Returns the current instruction's opcode. */
  public Opcode opcode() {
    return opcode;
  }

  /** Returns the offset of the current instruction from the start of the expression. */
  public int offset() {
    return instrStart - start;
  }

  /** Returns the offset of the current instruction in the binary it was decoded from. */
  public long sourceOffset() {
    return in.absolute(instrStart);
  }

  /** Returns the offset just past the current instruction, from the start of the expression. */
  public int endOffset() {
    return in.position() - start;
  }

  /**
   * Returns the index immediate: the label, function, local, global, table, memory, data or element
   * index; the type index of {@code call_indirect}; the data or element index of {@code
   * memory.init} and {@code table.init}; the destination of {@code memory.copy} and {@code
   * table.copy}; the default label of {@code br_table}; the lane of a lane instruction; the memory
   * of a load or store.
   */
  public int index() {
    return index;
  }

  /**
   * Returns the second index immediate: the table of {@code call_indirect} and {@code table.init},
   * the memory of {@code memory.init}, the source of {@code memory.copy} and {@code table.copy},
   * the lane of a lane load or store.
   */
  public int index2() {
    return index2;
  }

  /** Returns the lane immediate of an extract, replace, or lane load or store instruction. */
  public int lane() {
    return opcode.immediate() == Immediate.MEMARG_LANE ? index2 : index;
  }

  /** Returns the block type of {@code block}, {@code loop}, {@code if} or {@code try_table}. */
  public BlockType blockType() {
    return blockType;
  }

  /** Returns the number of labels of {@code br_table}, not counting the default. */
  public int labelCount() {
    return labelCount;
  }

  /** Returns label {@code i} of {@code br_table}. */
  public int label(int i) {
    if (i < 0 || i >= labelCount) {
      throw new IndexOutOfBoundsException(i);
    }
    return labels[i];
  }

  /** Returns the number of catch clauses of {@code try_table}. */
  public int catchCount() {
    return catchCount;
  }

  /** Returns the kind of catch clause {@code i} of {@code try_table}. */
  public Instruction.CatchKind catchKind(int i) {
    return CATCH_KINDS[catchKinds[Objects.checkIndex(i, catchCount)]];
  }

  /** Returns the tag of catch clause {@code i} of {@code try_table} (0 for a catch-all). */
  public int catchTag(int i) {
    return catchTags[Objects.checkIndex(i, catchCount)];
  }

  /** Returns the label of catch clause {@code i} of {@code try_table}. */
  public int catchLabel(int i) {
    return catchLabels[Objects.checkIndex(i, catchCount)];
  }

  private static final Instruction.CatchKind[] CATCH_KINDS = Instruction.CatchKind.values();

  /** Returns the default label of {@code br_table}. */
  public int defaultLabel() {
    return index;
  }

  /** Returns the alignment exponent of a load or store. */
  public int alignExponent() {
    return alignExponent;
  }

  /** Returns the constant offset of a load or store. */
  public long memOffset() {
    return memOffset;
  }

  /** Returns the memory index of a load or store. */
  public int memoryIndex() {
    return index;
  }

  /** Returns the value of {@code i32.const}. */
  public int i32() {
    return (int) value;
  }

  /** Returns the value of {@code i64.const}. */
  public long i64() {
    return value;
  }

  /** Returns the bits of {@code f32.const}. */
  public int f32Bits() {
    return (int) value;
  }

  /** Returns the bits of {@code f64.const}. */
  public long f64Bits() {
    return value;
  }

  /** Returns the low 64 bits of {@code v128.const} or of the lanes of {@code i8x16.shuffle}. */
  public long v128Low() {
    return value;
  }

  /** Returns the high 64 bits of {@code v128.const} or of the lanes of {@code i8x16.shuffle}. */
  public long v128High() {
    return value2;
  }

  /** Returns the heap type of {@code ref.null}. */
  public HeapType heapType() {
    return heapType;
  }

  /**
   * Returns the target type of {@code ref.test} and {@code ref.cast}, or of {@code br_on_cast} and
   * {@code br_on_cast_fail}.
   */
  public RefType castType() {
    if (opcode.immediate() == Immediate.BR_ON_CAST) {
      return new RefType((castFlags & 2) != 0, heapType2);
    }
    return new RefType(opcode.castsToNullable(), heapType);
  }

  /** Returns the operand type of {@code br_on_cast} and {@code br_on_cast_fail}. */
  public RefType castSourceType() {
    return new RefType((castFlags & 1) != 0, heapType);
  }

  /** Returns the number of types of a typed {@code select}. */
  public int selectTypeCount() {
    return selectTypeCount;
  }

  /** Returns type {@code i} of a typed {@code select}. */
  public ValType selectType(int i) {
    if (i < 0 || i >= selectTypeCount) {
      throw new IndexOutOfBoundsException(i);
    }
    return selectTypes[i];
  }

  /** Returns the current instruction as an object. */
  public Instruction instruction() {
    Opcode op = opcode;
    return switch (op.immediate()) {
      case NONE -> new Instruction.Plain(op);
      case BLOCK_TYPE -> new Instruction.Block(op, blockType);
      case LABEL, FUNC, LOCAL, GLOBAL, TABLE, MEMORY, DATA, ELEM, TYPE, TAG ->
          new Instruction.Indexed(op, index);
      case TRY_TABLE -> {
        List<Instruction.Catch> catches = new ArrayList<>(catchCount);
        for (int i = 0; i < catchCount; i++) {
          catches.add(new Instruction.Catch(catchKind(i), catchTags[i], catchLabels[i]));
        }
        yield new Instruction.TryTable(blockType, catches);
      }
      case CALL_INDIRECT,
          MEMORY_INIT,
          MEMORY_COPY,
          TABLE_INIT,
          TABLE_COPY,
          FIELD,
          TYPE_COUNT,
          TYPE_DATA,
          TYPE_ELEM,
          TYPE_PAIR ->
          new Instruction.IndexPair(op, index, index2);
      case CAST -> new Instruction.Cast(op, castType());
      case BR_ON_CAST -> new Instruction.BrOnCast(op, index, castSourceType(), castType());
      case BR_TABLE -> {
        List<Integer> l = new ArrayList<>(labelCount);
        for (int i = 0; i < labelCount; i++) {
          l.add(labels[i]);
        }
        yield new Instruction.BrTable(l, index);
      }
      case MEMARG -> new Instruction.Memory(op, new MemArg(alignExponent, memOffset, index));
      case MEMARG_LANE ->
          new Instruction.MemoryLane(op, new MemArg(alignExponent, memOffset, index), index2);
      case I32 -> new Instruction.I32Const((int) value);
      case I64 -> new Instruction.I64Const(value);
      case F32 -> new Instruction.F32Const((int) value);
      case F64 -> new Instruction.F64Const(value);
      case V128 -> new Instruction.V128Const(new V128(value, value2));
      case SHUFFLE -> new Instruction.Shuffle(new V128(value, value2));
      case LANE -> new Instruction.Lane(op, index);
      case HEAP_TYPE -> new Instruction.RefNull(heapType);
      case SELECT_TYPES ->
          new Instruction.SelectTyped(Arrays.asList(Arrays.copyOf(selectTypes, selectTypeCount)));
    };
  }

  /** Returns all instructions of {@code expression} as objects. */
  public static List<Instruction> decodeAll(Expression expression) {
    InstructionReader r = of(expression);
    List<Instruction> list = new ArrayList<>();
    while (r.hasNext()) {
      r.next();
      list.add(r.instruction());
    }
    return list;
  }
}
