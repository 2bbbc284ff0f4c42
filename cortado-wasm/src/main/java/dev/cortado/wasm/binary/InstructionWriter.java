package dev.cortado.wasm.binary;

import dev.cortado.wasm.BlockType;
import dev.cortado.wasm.Expression;
import dev.cortado.wasm.Instruction;
import dev.cortado.wasm.MemArg;
import dev.cortado.wasm.Opcode;
import dev.cortado.wasm.V128;
import dev.cortado.wasm.ValType;

/**
 * Encodes instructions into an {@link Expression}: the text parser's and tests' way to build code.
 *
 * <p>The writer writes exactly what it is given; the caller ends the expression with {@code end}.
 * Integers are written in their shortest LEB128 form.
 */
public final class InstructionWriter {
  private final ByteWriter out = new ByteWriter();

  private InstructionWriter() {}

  /** Returns an empty writer. */
  public static InstructionWriter create() {
    return new InstructionWriter();
  }

  /** Appends {@code instruction}. */
  public InstructionWriter write(Instruction instruction) {
    opcode(instruction.opcode());
    switch (instruction) {
      case Instruction.Plain p -> {}
      case Instruction.Block b -> blockType(b.type());
      case Instruction.Indexed i -> {
        switch (i.opcode().immediate()) {
          default -> out.u32(i.index());
        }
      }
      case Instruction.IndexPair p -> {
        out.u32(p.first()).u32(p.second());
      }
      case Instruction.BrTable t -> {
        out.u32(t.labels().size());
        for (int l : t.labels()) {
          out.u32(l);
        }
        out.u32(t.defaultLabel());
      }
      case Instruction.Memory m -> memArg(m.memArg());
      case Instruction.MemoryLane m -> {
        memArg(m.memArg());
        out.u8(m.lane());
      }
      case Instruction.I32Const c -> out.s64(c.value());
      case Instruction.I64Const c -> out.s64(c.value());
      case Instruction.F32Const c -> out.fixed32(c.bits());
      case Instruction.F64Const c -> out.fixed64(c.bits());
      case Instruction.V128Const c -> v128(c.value());
      case Instruction.Lane l -> out.u8(l.lane());
      case Instruction.Shuffle s -> v128(s.lanes());
      case Instruction.RefNull r -> out.heapType(r.type());
      case Instruction.Cast c -> out.heapType(c.type().heapType());
      case Instruction.BrOnCast b -> {
        out.u8((b.from().nullable() ? 1 : 0) | (b.to().nullable() ? 2 : 0)).u32(b.label());
        out.heapType(b.from().heapType());
        out.heapType(b.to().heapType());
      }
      case Instruction.TryTable t -> {
        blockType(t.type());
        out.u32(t.catches().size());
        for (Instruction.Catch c : t.catches()) {
          out.u8(c.kind().ordinal());
          if (c.kind().hasTag()) {
            out.u32(c.tag());
          }
          out.u32(c.label());
        }
      }
      case Instruction.SelectTyped s -> {
        out.u32(s.types().size());
        for (ValType t : s.types()) {
          out.valType(t);
        }
      }
    }
    return this;
  }

  /** Appends an instruction without immediates. */
  public InstructionWriter write(Opcode opcode) {
    return write(new Instruction.Plain(opcode));
  }

  /** Appends the final {@code end} and returns the expression. The writer is then spent. */
  public Expression end() {
    opcode(Opcode.END);
    return Expression.of(out.toBytes());
  }

  /** Returns the number of bytes written so far. */
  public int size() {
    return out.size();
  }

  private void opcode(Opcode op) {
    if (op.prefix() == 0) {
      out.u8(op.code());
    } else {
      out.u8(op.prefix()).u32(op.code());
    }
    if (op == Opcode.ATOMIC_FENCE) {
      out.u8(0);
    }
  }

  private void blockType(BlockType t) {
    switch (t) {
      case BlockType.Empty e -> out.u8(0x40);
      case BlockType.Value v -> out.valType(v.type());
      case BlockType.Indexed i -> out.s64(i.typeIndex());
    }
  }

  private void memArg(MemArg m) {
    if (m.memoryIndex() == 0) {
      out.u32(m.alignExponent());
    } else {
      out.u32(m.alignExponent() | MemArg.MEMORY_INDEX_FLAG).u32(m.memoryIndex());
    }
    out.u64(m.offset());
  }

  private void v128(V128 v) {
    out.fixed64(v.low()).fixed64(v.high());
  }
}
