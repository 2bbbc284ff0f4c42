package dev.cortado.compiler.internal;

import static org.objectweb.asm.Opcodes.DUP;
import static org.objectweb.asm.Opcodes.IFNONNULL;
import static org.objectweb.asm.Opcodes.IFNULL;
import static org.objectweb.asm.Opcodes.POP;

import dev.cortado.runtime.TrapKind;
import dev.cortado.wasm.ValType;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Typed function reference instructions on the reference on top of the stack (Wasm 3.0): {@code
 * ref.as_non_null}, {@code br_on_null}, {@code br_on_non_null}. ({@code call_ref} is a call: {@link
 * CallEmitter}.) A reference is an {@code Object}, null for {@code ref.null}.
 */
final class ReferenceEmitter {
  private final FunctionEmitter f;
  private final MethodVisitor mv;

  ReferenceEmitter(FunctionEmitter f) {
    this.f = f;
    this.mv = f.mv();
  }

  /** {@code ref.as_non_null}: traps on null, as the interpreter does. */
  void asNonNull() {
    Label ok = new Label();
    mv.visitInsn(DUP);
    mv.visitJumpInsn(IFNONNULL, ok);
    f.trap(TrapKind.NULL_REFERENCE);
    mv.visitLabel(ok);
  }

  /** {@code br_on_null label}: branches if the reference is null (dropping it), else keeps it. */
  void brOnNull(int label) {
    ValType ref = f.top(0);
    Label keep = new Label();
    mv.visitInsn(DUP);
    mv.visitJumpInsn(IFNONNULL, keep);
    mv.visitInsn(POP);
    f.popTypes(1);
    f.branch(f.label(label));
    mv.visitLabel(keep);
    f.push(List.of(ref));
  }

  /** {@code br_on_non_null label}: branches with the reference if it is not null, else drops it. */
  void brOnNonNull(int label) {
    Label drop = new Label();
    mv.visitInsn(DUP);
    mv.visitJumpInsn(IFNULL, drop);
    f.branch(f.label(label));
    mv.visitLabel(drop);
    mv.visitInsn(POP);
    f.popTypes(1);
  }
}
