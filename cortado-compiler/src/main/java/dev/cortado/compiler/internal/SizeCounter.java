package dev.cortado.compiler.internal;

import static org.objectweb.asm.Opcodes.ASM9;

import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Counts the bytes of code a method's instructions take, never fewer than the class file will hold:
 * local indexes above 255 as {@code wide}, switches with their largest padding (jumps as the short
 * form, all a method below 32 KiB needs). Splitting plans with it; the count passes on to the next
 * visitor, if any, unchanged.
 */
final class SizeCounter extends MethodVisitor {
  private int size;

  SizeCounter(MethodVisitor next) {
    super(ASM9, next);
  }

  /** Returns the bytes counted so far. */
  int size() {
    return size;
  }

  @Override
  public void visitInsn(int opcode) {
    size += 1;
    super.visitInsn(opcode);
  }

  @Override
  public void visitIntInsn(int opcode, int operand) {
    size += 3;
    super.visitIntInsn(opcode, operand);
  }

  @Override
  public void visitVarInsn(int opcode, int var) {
    size += var <= 3 ? 1 : var <= 255 ? 2 : 4;
    super.visitVarInsn(opcode, var);
  }

  @Override
  public void visitTypeInsn(int opcode, String type) {
    size += 3;
    super.visitTypeInsn(opcode, type);
  }

  @Override
  public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
    size += 3;
    super.visitFieldInsn(opcode, owner, name, descriptor);
  }

  @Override
  public void visitMethodInsn(
      int opcode, String owner, String name, String descriptor, boolean isInterface) {
    size += 5;
    super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
  }

  @Override
  public void visitInvokeDynamicInsn(
      String name, String descriptor, Handle bootstrap, Object... arguments) {
    size += 5;
    super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
  }

  @Override
  public void visitJumpInsn(int opcode, Label label) {
    // Methods kept below 8,000 bytes never need goto_w.
    size += 3;
    super.visitJumpInsn(opcode, label);
  }

  @Override
  public void visitLdcInsn(Object value) {
    size += 3;
    super.visitLdcInsn(value);
  }

  @Override
  public void visitIincInsn(int var, int increment) {
    size += 6;
    super.visitIincInsn(var, increment);
  }

  @Override
  public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
    size += 16 + 4 * labels.length;
    super.visitTableSwitchInsn(min, max, dflt, labels);
  }

  @Override
  public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
    size += 12 + 8 * labels.length;
    super.visitLookupSwitchInsn(dflt, keys, labels);
  }

  @Override
  public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
    size += 4;
    super.visitMultiANewArrayInsn(descriptor, numDimensions);
  }
}
