package dev.cortado.compiler.internal;

import dev.cortado.wasm.BlockType;
import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.Function;
import dev.cortado.wasm.Instruction;
import dev.cortado.wasm.Opcode;
import dev.cortado.wasm.ValType;
import dev.cortado.wasm.VecType;
import dev.cortado.wasm.binary.InstructionReader;
import java.util.List;

/**
 * Finds functions that touch v128 values, which need a vector register file ({@link
 * VectorRegisters}). Every way a vector reaches a function's operand stack is a v128 local, a
 * vector instruction, or a call, block, select or global typed with v128, or a struct field or
 * array element of v128.
 */
final class VectorScan {
  private VectorScan() {}

  static boolean usesVectors(ModuleContext mc, Function f, List<ValType> locals, FuncType type) {
    if (has(locals) || has(type.results())) {
      return true;
    }
    InstructionReader r = InstructionReader.of(f.body());
    while (r.hasNext()) {
      Opcode op = r.next();
      boolean vector =
          switch (op) {
            case BLOCK, LOOP, IF, TRY -> blockHasVectors(mc, r.blockType());
            case TRY_TABLE -> blockHasVectors(mc, r.blockType()) || catchesVectors(mc, r);
            case THROW, CATCH -> has(mc.tagType(r.index()).params());
            case CALL_REF, RETURN_CALL_REF -> has(mc.module.type(r.index()));
            case CALL, RETURN_CALL -> has(mc.module.functionType(r.index()));
            case CALL_INDIRECT, RETURN_CALL_INDIRECT -> has(mc.module.type(r.index()));
            case GLOBAL_GET, GLOBAL_SET ->
                mc.module.globalType(r.index()).valueType() == VecType.V128;
            case SELECT_TYPED -> r.selectType(0) == VecType.V128;
            default ->
                op.prefix() == Opcode.PREFIX_FD
                    || (op.handlesObjects() && GcEmitter.touchesVectors(mc, op, r));
          };
      if (vector) {
        return true;
      }
    }
    return false;
  }

  private static boolean catchesVectors(ModuleContext mc, InstructionReader r) {
    for (int i = 0; i < r.catchCount(); i++) {
      Instruction.CatchKind k = r.catchKind(i);
      boolean tagged = k == Instruction.CatchKind.CATCH || k == Instruction.CatchKind.CATCH_REF;
      if (tagged && has(mc.tagType(r.catchTag(i)).params())) {
        return true;
      }
    }
    return false;
  }

  private static boolean blockHasVectors(ModuleContext mc, BlockType bt) {
    return has(bt.signature(mc.module::type));
  }

  private static boolean has(FuncType t) {
    return has(t.params()) || has(t.results());
  }

  private static boolean has(List<ValType> types) {
    for (ValType t : types) {
      if (t == VecType.V128) {
        return true;
      }
    }
    return false;
  }
}
