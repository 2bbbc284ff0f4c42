package dev.cortado.wasm;

import java.util.List;
import java.util.Objects;

/**
 * One instruction with its immediates, as an object: what the text parser builds and the printer
 * shows. Code is stored encoded ({@link Expression}); the binary package converts between the two.
 *
 * <p>There is one record per {@link Immediate} shape; {@link #opcode()} tells which instruction it
 * is. Indices are plain numbers: text names are resolved by the parser.
 */
public sealed interface Instruction {
  /** Returns the instruction. */
  Opcode opcode();

  /** Checks that {@code op} takes immediates of the shape {@code expected}. */
  private static void check(Opcode op, Immediate... expected) {
    Objects.requireNonNull(op, "opcode");
    for (Immediate e : expected) {
      if (op.immediate() == e) {
        return;
      }
    }
    throw new IllegalArgumentException(op + " does not take " + List.of(expected) + " immediates");
  }

  /**
   * An instruction without immediates.
   *
   * @param opcode the instruction
   */
  record Plain(Opcode opcode) implements Instruction {
    /** Checks the opcode has no immediates. */
    public Plain {
      check(opcode, Immediate.NONE);
    }
  }

  /**
   * {@code block}, {@code loop} or {@code if}.
   *
   * @param opcode the instruction
   * @param type the block's type
   */
  record Block(Opcode opcode, BlockType type) implements Instruction {
    /** Checks the opcode takes a block type. */
    public Block {
      check(opcode, Immediate.BLOCK_TYPE);
      Objects.requireNonNull(type, "type");
    }
  }

  /**
   * An instruction with one index immediate: a label, function, local, global, table, memory, data
   * or element index.
   *
   * @param opcode the instruction
   * @param index the index
   */
  record Indexed(Opcode opcode, int index) implements Instruction {
    /** Checks the opcode takes one index. */
    public Indexed {
      check(
          opcode,
          Immediate.LABEL,
          Immediate.FUNC,
          Immediate.LOCAL,
          Immediate.GLOBAL,
          Immediate.TABLE,
          Immediate.MEMORY,
          Immediate.DATA,
          Immediate.ELEM,
          Immediate.TYPE,
          Immediate.TAG);
    }
  }

  /**
   * An instruction with two index immediates: {@code call_indirect} (type, table), {@code
   * memory.init} (data, memory), {@code memory.copy} (destination, source), {@code table.init}
   * (element, table), {@code table.copy} (destination, source), and Wasm 3.0's {@code struct.get}
   * and {@code struct.set} (type, field), {@code array.new_fixed} (type, count), {@code
   * array.new_data} and {@code array.init_data} (type, data), {@code array.new_elem} and {@code
   * array.init_elem} (type, element) and {@code array.copy} (destination type, source type).
   *
   * @param opcode the instruction
   * @param first the first index in the binary encoding
   * @param second the second index in the binary encoding
   */
  record IndexPair(Opcode opcode, int first, int second) implements Instruction {
    /** Checks the opcode takes two indices. */
    public IndexPair {
      check(
          opcode,
          Immediate.CALL_INDIRECT,
          Immediate.MEMORY_INIT,
          Immediate.MEMORY_COPY,
          Immediate.TABLE_INIT,
          Immediate.TABLE_COPY,
          Immediate.FIELD,
          Immediate.TYPE_COUNT,
          Immediate.TYPE_DATA,
          Immediate.TYPE_ELEM,
          Immediate.TYPE_PAIR);
    }
  }

  /**
   * {@code ref.test} or {@code ref.cast}: the opcode's null variant follows the type's nullability.
   *
   * @param opcode the instruction ({@link Opcode#REF_TEST}, {@link Opcode#REF_TEST_NULL}, {@link
   *     Opcode#REF_CAST} or {@link Opcode#REF_CAST_NULL})
   * @param type the type tested or cast to
   */
  record Cast(Opcode opcode, RefType type) implements Instruction {
    /** Checks the opcode is a cast whose nullability is the type's. */
    public Cast {
      check(opcode, Immediate.CAST);
      Objects.requireNonNull(type, "type");
      if (opcode.castsToNullable() != type.nullable()) {
        throw new IllegalArgumentException(opcode + " does not cast to " + type);
      }
    }
  }

  /**
   * {@code br_on_cast} or {@code br_on_cast_fail}.
   *
   * @param opcode the instruction
   * @param label the label branched to
   * @param from the operand's type
   * @param to the type tested for
   */
  record BrOnCast(Opcode opcode, int label, RefType from, RefType to) implements Instruction {
    /** Checks the opcode and that the types are present. */
    public BrOnCast {
      check(opcode, Immediate.BR_ON_CAST);
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }
  }

  /**
   * {@code br_table}.
   *
   * @param labels the label indices chosen by operand values 0, 1, ...
   * @param defaultLabel the label chosen by any other operand value
   */
  record BrTable(List<Integer> labels, int defaultLabel) implements Instruction {
    /** Copies the labels. */
    public BrTable {
      labels = List.copyOf(labels);
    }

    @Override
    public Opcode opcode() {
      return Opcode.BR_TABLE;
    }
  }

  /**
   * A load or store.
   *
   * @param opcode the instruction
   * @param memArg the alignment, offset and memory
   */
  record Memory(Opcode opcode, MemArg memArg) implements Instruction {
    /** Checks the opcode accesses memory. */
    public Memory {
      check(opcode, Immediate.MEMARG);
      Objects.requireNonNull(memArg, "memArg");
    }
  }

  /**
   * A load or store of one vector lane.
   *
   * @param opcode the instruction
   * @param memArg the alignment, offset and memory
   * @param lane the lane index
   */
  record MemoryLane(Opcode opcode, MemArg memArg, int lane) implements Instruction {
    /** Checks the opcode accesses a lane in memory. */
    public MemoryLane {
      check(opcode, Immediate.MEMARG_LANE);
      Objects.requireNonNull(memArg, "memArg");
    }
  }

  /**
   * {@code i32.const}.
   *
   * @param value the constant
   */
  record I32Const(int value) implements Instruction {
    @Override
    public Opcode opcode() {
      return Opcode.I32_CONST;
    }
  }

  /**
   * {@code i64.const}.
   *
   * @param value the constant
   */
  record I64Const(long value) implements Instruction {
    @Override
    public Opcode opcode() {
      return Opcode.I64_CONST;
    }
  }

  /**
   * {@code f32.const}, by its bits so that every NaN payload is kept.
   *
   * @param bits the IEEE 754 bits
   */
  record F32Const(int bits) implements Instruction {
    @Override
    public Opcode opcode() {
      return Opcode.F32_CONST;
    }
  }

  /**
   * {@code f64.const}, by its bits so that every NaN payload is kept.
   *
   * @param bits the IEEE 754 bits
   */
  record F64Const(long bits) implements Instruction {
    @Override
    public Opcode opcode() {
      return Opcode.F64_CONST;
    }
  }

  /**
   * {@code v128.const}.
   *
   * @param value the constant
   */
  record V128Const(V128 value) implements Instruction {
    /** Checks the value is present. */
    public V128Const {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public Opcode opcode() {
      return Opcode.V128_CONST;
    }
  }

  /**
   * An extract or replace lane instruction.
   *
   * @param opcode the instruction
   * @param lane the lane index
   */
  record Lane(Opcode opcode, int lane) implements Instruction {
    /** Checks the opcode takes a lane. */
    public Lane {
      check(opcode, Immediate.LANE);
    }
  }

  /**
   * {@code i8x16.shuffle}.
   *
   * @param lanes the 16 lane indices, one per byte
   */
  record Shuffle(V128 lanes) implements Instruction {
    /** Checks the lanes are present. */
    public Shuffle {
      Objects.requireNonNull(lanes, "lanes");
    }

    @Override
    public Opcode opcode() {
      return Opcode.I8X16_SHUFFLE;
    }
  }

  /**
   * {@code ref.null}.
   *
   * @param type the heap type of the null
   */
  record RefNull(HeapType type) implements Instruction {
    /** Checks the type is present. */
    public RefNull {
      Objects.requireNonNull(type, "type");
    }

    @Override
    public Opcode opcode() {
      return Opcode.REF_NULL;
    }
  }

  /**
   * {@code select} with explicit result types.
   *
   * @param types the operand types (exactly one in Wasm 2.0)
   */
  record SelectTyped(List<ValType> types) implements Instruction {
    /** Copies the types. */
    public SelectTyped {
      types = List.copyOf(types);
    }

    @Override
    public Opcode opcode() {
      return Opcode.SELECT_TYPED;
    }
  }

  /** The four kinds of catch clause of {@code try_table}; the ordinal is the binary encoding. */
  enum CatchKind {
    /** Catches the tag and branches with its values. */
    CATCH("catch"),
    /** Catches the tag and branches with its values and the exception. */
    CATCH_REF("catch_ref"),
    /** Catches every exception and branches with nothing. */
    CATCH_ALL("catch_all"),
    /** Catches every exception and branches with it. */
    CATCH_ALL_REF("catch_all_ref");

    private final String text;

    CatchKind(String text) {
      this.text = text;
    }

    /** Returns the clause's keyword in the text format. */
    public String text() {
      return text;
    }

    /** Returns whether the clause names a tag. */
    public boolean hasTag() {
      return this == CATCH || this == CATCH_REF;
    }

    /** Returns whether the clause passes the exception itself to its label. */
    public boolean passesReference() {
      return this == CATCH_REF || this == CATCH_ALL_REF;
    }
  }

  /**
   * One catch clause of {@code try_table}.
   *
   * @param kind which exceptions it catches and what it passes
   * @param tag the tag index (0 and unused for {@code catch_all} and {@code catch_all_ref})
   * @param label the label it branches to, relative to the block around the {@code try_table}
   */
  record Catch(CatchKind kind, int tag, int label) {
    /** Checks the kind is present. */
    public Catch {
      Objects.requireNonNull(kind, "kind");
    }
  }

  /**
   * {@code try_table}: a block whose catch clauses handle the exceptions thrown inside it.
   *
   * @param type the block's type
   * @param catches the clauses, tried in order
   */
  record TryTable(BlockType type, List<Catch> catches) implements Instruction {
    /** Checks the type is present and copies the clauses. */
    public TryTable {
      Objects.requireNonNull(type, "type");
      catches = List.copyOf(catches);
    }

    @Override
    public Opcode opcode() {
      return Opcode.TRY_TABLE;
    }
  }
}
