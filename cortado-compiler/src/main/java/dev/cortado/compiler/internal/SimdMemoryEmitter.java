package dev.cortado.compiler.internal;

import static org.objectweb.asm.Opcodes.INVOKESTATIC;

import dev.cortado.compiler.internal.SimdEmitter.Scalar;
import dev.cortado.wasm.NumType;
import dev.cortado.wasm.Opcode;
import dev.cortado.wasm.ValType;
import dev.cortado.wasm.binary.AddressOperands;
import dev.cortado.wasm.binary.InstructionReader;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * Vector loads and stores. Every access goes through the {@code MemoryAccess} method of a scalar
 * access of the same size (the same bounds check and trap), and the loaded bits are shaped by the
 * numerics method the interpreter uses ({@code SimdLanes.load8x8S}, splats, replace lane); only the
 * 16-byte {@code v128.load} and {@code v128.store} have methods of their own.
 */
final class SimdMemoryEmitter {
  private static final String ACCESS = "I[BI)";

  private final FunctionEmitter f;
  private final SimdEmitter simd;
  private final VectorRegisters v;
  private final MethodVisitor mv;
  private int memory;

  SimdMemoryEmitter(FunctionEmitter f, SimdEmitter simd, VectorRegisters v) {
    this.f = f;
    this.simd = simd;
    this.v = v;
    this.mv = f.mv();
  }

  void emit(Opcode op, InstructionReader r) {
    int offset = AddressOperands.offset(r);
    // The vector operand lives in a register, so the address is the JVM stack's top.
    if (f.moduleContext().memoryIs64(r.memoryIndex())) {
      MemoryEmitter.clampTop(mv);
    }
    memory = r.memoryIndex();
    switch (op) {
      case V128_LOAD -> {
        Constants.pushInt(mv, offset);
        MemoryEmitter.pushMemory(f, memory);
        v.pushArrays();
        Constants.pushInt(mv, simd.register(0));
        access("v128Load", "(II[BI[J[JI)V");
      }
      case V128_STORE -> {
        v.pushHalves(simd.register(0));
        Constants.pushInt(mv, offset);
        MemoryEmitter.pushMemory(f, memory);
        access("v128Store", "(IJJ" + ACCESS + "V");
      }
      case V128_LOAD8X8_S -> loadThen(offset, "i64Load", NumType.I64, "load8x8S");
      case V128_LOAD8X8_U -> loadThen(offset, "i64Load", NumType.I64, "load8x8U");
      case V128_LOAD16X4_S -> loadThen(offset, "i64Load", NumType.I64, "load16x4S");
      case V128_LOAD16X4_U -> loadThen(offset, "i64Load", NumType.I64, "load16x4U");
      case V128_LOAD32X2_S -> loadThen(offset, "i64Load", NumType.I64, "load32x2S");
      case V128_LOAD32X2_U -> loadThen(offset, "i64Load", NumType.I64, "load32x2U");
      case V128_LOAD8_SPLAT -> loadThen(offset, "i32Load8U", NumType.I32, "i8x16Splat");
      case V128_LOAD16_SPLAT -> loadThen(offset, "i32Load16U", NumType.I32, "i16x8Splat");
      case V128_LOAD32_SPLAT -> loadThen(offset, "i32Load", NumType.I32, "i32x4Splat");
      case V128_LOAD64_SPLAT -> loadThen(offset, "i64Load", NumType.I64, "i64x2Splat");
      case V128_LOAD32_ZERO -> loadThen(offset, "i32Load", NumType.I32, "load32Zero");
      case V128_LOAD64_ZERO -> loadThen(offset, "i64Load", NumType.I64, "load64Zero");
      case V128_LOAD8_LANE -> loadLane(offset, r.lane(), "i32Load8U", NumType.I32, "i8x16");
      case V128_LOAD16_LANE -> loadLane(offset, r.lane(), "i32Load16U", NumType.I32, "i16x8");
      case V128_LOAD32_LANE -> loadLane(offset, r.lane(), "i32Load", NumType.I32, "i32x4");
      case V128_LOAD64_LANE -> loadLane(offset, r.lane(), "i64Load", NumType.I64, "i64x2");
      case V128_STORE8_LANE -> storeLane(offset, r.lane(), "i8x16ExtractLaneU", "i32Store8");
      case V128_STORE16_LANE -> storeLane(offset, r.lane(), "i16x8ExtractLaneU", "i32Store16");
      case V128_STORE32_LANE -> storeLane(offset, r.lane(), "i32x4ExtractLane", "i32Store");
      case V128_STORE64_LANE -> storeLane(offset, r.lane(), "i64x2ExtractLane", "i64Store");
      default -> throw new IllegalStateException(op + " is not a vector memory instruction");
    }
    f.effect(op.params().size(), op.results());
  }

  /** Loads a scalar of type {@code t} and hands its bits to numerics method {@code shape}. */
  private void loadThen(int offset, String load, ValType t, String shape) {
    Scalar bits = scalarLoad(offset, load, t);
    // The result replaces the address, the operand stack's top.
    simd.invoke(SimdMethods.named(shape), simd.register(0), bits);
  }

  /** {@code v128.loadN_lane}: the address is below the vector, whose register the result takes. */
  private void loadLane(int offset, int lane, String load, ValType t, String shape) {
    Scalar bits = scalarLoad(offset, load, t);
    int vector = simd.register(0);
    simd.invoke(SimdMethods.named(shape + "ReplaceLane"), simd.register(1), vector, lane, bits);
  }

  private void storeLane(int offset, int lane, String extract, String store) {
    var m = SimdMethods.named(extract);
    simd.invoke(m, simd.register(0), lane);
    Constants.pushInt(mv, offset);
    MemoryEmitter.pushMemory(f, memory);
    access(store, "(I" + Type.getDescriptor(m.getReturnType()) + ACCESS + "V");
  }

  private Scalar scalarLoad(int offset, String load, ValType t) {
    Constants.pushInt(mv, offset);
    MemoryEmitter.pushMemory(f, memory);
    access(load, "(II[BI)" + JvmTypes.of(t).getDescriptor());
    return simd.save(t);
  }

  private void access(String name, String descriptor) {
    mv.visitMethodInsn(INVOKESTATIC, JvmTypes.MEMORY_ACCESS, name, descriptor, false);
  }
}
